package dev.rdb.agent.bridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only class instrumented code knows. It sits on the bootstrap class path, so code in any class
 * loader reaches it, and depends on java.base only.
 *
 * <p>Rules, for every method: static; never throws (errors are swallowed and counted in
 * {@link #errors()}, the first few kept for diagnosis); not re-entrant — while a thread is inside the
 * bridge, calls from that thread return at once, so capture code that throws never captures itself.
 * Before the agent has {@linkplain #install installed} its sink every call is a no-op.
 *
 * <p>The signature of {@link #unwound} is a wire format between the transformer and this class:
 * change it only together with {@code UnwindHandler} and never for a released agent.
 *
 * <p>INTERNAL: public because instrumented classes in other packages call it.
 */
public final class Bridge {

  /** JVM descriptor of {@link #unwound}; the transformer emits calls to it. */
  public static final String UNWOUND_DESCRIPTOR = "(Ljava/lang/Throwable;II[Ljava/lang/Object;)V";

  private static final int KEPT_ERRORS = 8;
  private static final AtomicReference<Sink> SINK = new AtomicReference<>();
  private static final AtomicLong ERRORS = new AtomicLong();
  private static final AtomicLong DROPPED = new AtomicLong();
  private static final List<Throwable> FIRST_ERRORS = Collections.synchronizedList(new ArrayList<>());
  private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

  private Bridge() {}

  /** Makes {@code sink} receive every later call; only the first installation wins. */
  public static boolean install(Sink sink) {
    return sink != null && SINK.compareAndSet(null, sink);
  }

  /** True once an agent has installed its sink. */
  public static boolean active() {
    return SINK.get() != null;
  }

  /**
   * Called by the catch-all handler of an instrumented frame, just before it rethrows {@code thrown}.
   *
   * @param siteId the capture site registered by the transformer (method and local layout)
   * @param line the source line the frame was at when the exception passed, or -1
   * @param locals {@code this}, the parameters and the locals in the order the site declares
   */
  public static void unwound(Throwable thrown, int siteId, int line, Object[] locals) {
    Sink sink = SINK.get();
    if (sink == null) {
      return;
    }
    boolean[] inside = enter();
    if (inside == null) {
      return;
    }
    try {
      sink.unwound(thrown, siteId, line, locals);
    } catch (Throwable t) {
      record(t);
    } finally {
      inside[0] = false;
    }
  }

  /**
   * Called by the catch-all handler of an instrumented frame when its own code failed before it
   * reached {@link #unwound} (no memory for the locals array, no stack for the call): that frame's
   * capture is dropped and the handler rethrows the original throwable. Allocates nothing.
   */
  public static void captureFailed(Throwable failure) {
    DROPPED.incrementAndGet();
  }

  /** Called by {@code java.lang.Thread} (instrumented by the agent) when a thread dies of {@code thrown}. */
  public static void uncaught(Thread thread, Throwable thrown) {
    Sink sink = SINK.get();
    if (sink == null) {
      return;
    }
    boolean[] inside = enter();
    if (inside == null) {
      return;
    }
    try {
      sink.uncaught(thread, thrown);
    } catch (Throwable t) {
      record(t);
    } finally {
      inside[0] = false;
    }
  }

  /** Keeps {@code thrown} as a post-mortem; see {@code dev.rdb.agent.Rdb#postMortem}. */
  public static void postMortem(Throwable thrown) {
    postMortem(thrown, null);
  }

  /**
   * Keeps {@code thrown} as a post-mortem called {@code name} (a failing test's name; null: named
   * after its exception type); see
   * {@code dev.rdb.agent.Rdb#postMortem(Throwable, String)}.
   */
  public static void postMortem(Throwable thrown, String name) {
    Sink sink = SINK.get();
    if (sink == null || thrown == null) {
      return;
    }
    boolean[] inside = enter();
    if (inside == null) {
      return;
    }
    try {
      sink.postMortem(thrown, name);
    } catch (Throwable t) {
      record(t);
    } finally {
      inside[0] = false;
    }
  }

  /** The post-mortems kept, oldest first; empty without an agent or when reading fails. */
  public static List<Map<String, Object>> postMortems() {
    Sink sink = SINK.get();
    if (sink == null) {
      return List.of();
    }
    try {
      return sink.postMortems();
    } catch (Throwable t) {
      record(t);
      return List.of();
    }
  }

  /** Every counter of the agent, plus {@code bridgeError} and {@code captureDropped}; empty without an agent. */
  public static Map<String, Long> counters() {
    Sink sink = SINK.get();
    if (sink == null) {
      return Map.of();
    }
    Map<String, Long> all = new TreeMap<>();
    try {
      all.putAll(sink.counters());
    } catch (Throwable t) {
      record(t);
    }
    all.put("bridgeError", ERRORS.get());
    all.put("captureDropped", DROPPED.get());
    return Collections.unmodifiableMap(all);
  }

  /** How many errors the bridge swallowed. */
  public static long errors() {
    return ERRORS.get();
  }

  /** The first few errors the bridge swallowed, for diagnosis. */
  public static List<Throwable> firstErrors() {
    synchronized (FIRST_ERRORS) {
      return List.copyOf(FIRST_ERRORS);
    }
  }

  private static boolean[] enter() {
    try {
      boolean[] inside = INSIDE.get();
      if (inside[0]) {
        return null;
      }
      inside[0] = true;
      return inside;
    } catch (Throwable t) {
      record(t);
      return null;
    }
  }

  private static void record(Throwable t) {
    try {
      ERRORS.incrementAndGet();
      if (FIRST_ERRORS.size() < KEPT_ERRORS) {
        FIRST_ERRORS.add(t);
      }
    } catch (Throwable ignored) {
      // Counting failed (out of memory): the counter is all we could keep, and it was tried first.
    }
  }
}
