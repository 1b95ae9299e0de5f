package dev.rdb.cli.debuggee;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Descriptions by object id, as one describe exchange returned them. An object reached twice is
 * described once, so shared objects and cycles are visible to the renderer by id.
 */
public final class ObjectGraph {
  private static final ObjectGraph EMPTY = new ObjectGraph(Map.of(), Map.of());

  private final Map<String, Description> byId;
  private final Map<String, String> absent;

  private ObjectGraph(Map<String, Description> byId, Map<String, String> absent) {
    this.byId = byId;
    this.absent = absent;
  }

  public static ObjectGraph empty() {
    return EMPTY;
  }

  public static ObjectGraph of(Map<String, Description> byId) {
    return new ObjectGraph(Map.copyOf(byId), Map.of());
  }

  /**
   * A graph that also knows which reached objects the target cannot describe at all, and why
   * ({@code "not in dump (depth limit)"}), as opposed to objects merely beyond the asked depth.
   */
  public static ObjectGraph of(Map<String, Description> byId, Map<String, String> absent) {
    return new ObjectGraph(Map.copyOf(byId), Map.copyOf(absent));
  }

  public Optional<Description> find(Value.ObjectRef ref) {
    return Optional.ofNullable(byId.get(ref.id()));
  }

  /** Why the target has no description of {@code ref}, if it never will. */
  public Optional<String> absence(Value.ObjectRef ref) {
    return Optional.ofNullable(absent.get(ref.id()));
  }

  public int size() {
    return byId.size();
  }

  /** This graph with {@code other}'s descriptions added (this one's win on the same id). */
  public ObjectGraph plus(ObjectGraph other) {
    if (other.byId.isEmpty() && other.absent.isEmpty()) {
      return this;
    }
    Map<String, Description> merged = new HashMap<>(other.byId);
    merged.putAll(byId);
    Map<String, String> mergedAbsent = new HashMap<>(other.absent);
    mergedAbsent.putAll(absent);
    return new ObjectGraph(Map.copyOf(merged), Map.copyOf(mergedAbsent));
  }
}
