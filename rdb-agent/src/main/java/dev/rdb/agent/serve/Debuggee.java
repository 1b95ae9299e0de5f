package dev.rdb.agent.serve;

import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Redacted;
import dev.rdb.core.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The root object every session sees: the contract of {@code docs/ARCHITECTURE.md}, section
 * "rdb-agent: the debuggee the CLI sees". Its method names are a wire contract with the CLI.
 *
 * <p>Every method is side-effect free, so the readonly policy allows calling them all; its fields
 * are not part of the contract and no policy lets a session read them (they lead to the agent's
 * internals). Thread-safe: sessions call it concurrently from their worker threads.
 */
public final class Debuggee {

  private static final String AGENT_PACKAGE = "dev.rdb.agent.";
  /** The name of the shipped jar's isolated loader ({@code dev.rdb.agent.AgentClassLoader}). */
  private static final String AGENT_LOADER = "rdb-agent";

  private final Supplier<List<PostMortemView>> store;
  private final ServedViews views;
  private final Supplier<Class<?>[]> loadedClasses;
  private final Supplier<Map<String, Long>> counters;
  private final Redaction redaction;
  private final ServeOptions.PolicyChoice policy;

  /**
   * @param store the store's post-mortems, oldest first
   * @param loadedClasses every class the JVM has loaded ({@code Instrumentation::getAllLoadedClasses})
   * @param counters the agent's counters and the listener's gauges
   */
  Debuggee(Supplier<List<PostMortemView>> store, Supplier<Class<?>[]> loadedClasses,
      Supplier<Map<String, Long>> counters, Redaction redaction, ServeOptions.PolicyChoice policy) {
    this.store = store;
    this.views = new ServedViews(redaction);
    this.loadedClasses = loadedClasses;
    this.counters = counters;
    this.redaction = redaction;
    this.policy = policy;
  }

  /** The post-mortems kept, oldest first; locals with redacted names carry no value. */
  public List<PostMortemView> postMortems() {
    return views.of(store.get());
  }

  /** The post-mortem with this id; fails naming the ids that are kept. */
  public PostMortemView postMortem(int id) {
    List<PostMortemView> all = postMortems();
    for (PostMortemView pm : all) {
      if (pm.id() == id) {
        return pm;
      }
    }
    throw new IllegalArgumentException("no post-mortem " + id + (all.isEmpty() ? " (none kept)"
        : " (kept: " + all.get(0).id() + ".." + all.get(all.size() - 1).id() + ")"));
  }

  /** Every live thread with its stack, no locals. */
  public List<ThreadView> threads() {
    List<ThreadView> threads = new ArrayList<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> threads.add(ThreadView.of(thread, stack)));
    threads.sort((a, b) -> a.name().compareTo(b.name()));
    return threads;
  }

  /** The system properties, sorted; values of redacted names are {@code <redacted>}. */
  public Map<String, Object> systemProperties() {
    Properties properties = System.getProperties();
    Map<String, Object> out = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      out.put(name, redacted(name, properties.getProperty(name)));
    }
    return out;
  }

  /** The environment, sorted; values of redacted names are {@code <redacted>}. */
  public Map<String, Object> environment() {
    Map<String, Object> out = new TreeMap<>();
    System.getenv().forEach((name, value) -> out.put(name, redacted(name, value)));
    return out;
  }

  /**
   * A loaded class by binary name ({@code com.acme.Cart$Line}), for its static fields; null when no
   * class of that name is loaded (so a batch may probe prefixes of a dotted name). When several
   * loaders define the name, the first the JVM lists. The agent's own classes are never returned.
   */
  public Class<?> loadedClass(String name) {
    if (name == null || name.startsWith(AGENT_PACKAGE)) {
      return null;
    }
    ClassLoader agentLoader = Debuggee.class.getClassLoader();
    boolean isolated = agentLoader != null && AGENT_LOADER.equals(agentLoader.getName());
    for (Class<?> c : loadedClasses.get()) {
      if (c.getName().equals(name) && !(isolated && c.getClassLoader() == agentLoader)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The agent's counters by name, plus the listener's gauges {@code clientsConnected} and
   * {@code exportedObjects} (objects all sessions hold references to, this one included).
   */
  public Map<String, Long> counters() {
    return new TreeMap<>(counters.get());
  }

  /** {@code readonly} or {@code full}: the same name the session learnt in HELLO. */
  public String policy() {
    return policy.optionName();
  }

  private Object redacted(String name, String value) {
    return redaction.redacts(name) ? Redacted.INSTANCE : value;
  }
}
