package dev.rdb.agent.capture;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Every capture site the transformer registered, by id; and which methods must capture every local
 * although the agent runs with {@code locals=adaptive}. Thread-safe: classes load concurrently.
 */
public final class CaptureSites {

  private final List<CaptureSite> byId = new CopyOnWriteArrayList<>();
  private final Set<String> instrumentedMethods = ConcurrentHashMap.newKeySet();
  private final Set<String> upgraded = ConcurrentHashMap.newKeySet();
  /** Sites already asked about, so a busy site costs one set lookup, not a key string per frame. */
  private final Set<Integer> upgradeAsked = ConcurrentHashMap.newKeySet();

  /** Registers a site whose id is not yet known and returns it with its id. */
  public synchronized CaptureSite register(SiteDraft draft) {
    CaptureSite site = draft.withId(byId.size());
    byId.add(site);
    instrumentedMethods.add(site.className() + '#' + site.methodName());
    return site;
  }

  /** The site with {@code id}, or null when no such site was registered. */
  public CaptureSite site(int id) {
    return id >= 0 && id < byId.size() ? byId.get(id) : null;
  }

  /** True when some loaded class has an instrumented method of that class and name. */
  public boolean instrumented(String className, String methodName) {
    return instrumentedMethods.contains(className + '#' + methodName);
  }

  /** Asks that the method of {@code site} capture every local from its next load on. */
  public boolean upgrade(CaptureSite site) {
    return upgradeAsked.add(site.id()) && upgraded.add(site.methodKey());
  }

  /** True when {@code methodKey} was {@linkplain #upgrade upgraded}. */
  public boolean upgraded(String methodKey) {
    return upgraded.contains(methodKey);
  }

  /** How many sites were registered. */
  public int size() {
    return byId.size();
  }

  /** A site still without an id. */
  public record SiteDraft(
      String className,
      String methodName,
      String descriptor,
      String fileName,
      boolean namesAvailable,
      boolean allLocals,
      List<LocalSlot> locals,
      List<CapturePoint> points) {

    public SiteDraft {
      locals = List.copyOf(locals);
      points = List.copyOf(points);
    }

    CaptureSite withId(int id) {
      return new CaptureSite(
          id, className, methodName, descriptor, fileName, namesAvailable, allLocals, locals, points);
    }
  }
}
