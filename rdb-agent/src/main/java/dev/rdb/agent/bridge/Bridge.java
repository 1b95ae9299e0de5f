package dev.rdb.agent.bridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The only class instrumented code knows. It sits on the bootstrap class path, so code in any class
 * loader reaches it, and depends on java.base only.
 *
 * <p>Rules, for every method: static; never throws (errors are swallowed and counted in
 * {@link #errors()}, the first few kept for diagnosis; {@link #skip} says why it is the exception); not re-entrant — while a thread is inside the
 * bridge, calls from that thread return at once, so capture code that throws never captures itself.
 * Before the agent has {@linkplain #install installed} its sink every call is a no-op.
 *
 * <p>The signatures of {@link #skip} and {@link #unwound} are a wire format between the transformer
 * and this class: change them only together with {@code UnwindHandler} and never for a released
 * agent.
 *
 * <p>INTERNAL: public because instrumented classes in other packages call it.
 */
public final class Bridge {

  /** JVM descriptor of {@link #unwound}; the transformer emits calls to it. */
  public static final String UNWOUND_DESCRIPTOR = "(Ljava/lang/Throwable;II[Ljava/lang/Object;)V";
  /** JVM descriptor of {@link #skip}; the transformer emits calls to it. */
  public static final String SKIP_DESCRIPTOR = "(Ljava/lang/Throwable;II)Z";

  private static final int KEPT_ERRORS = 8;
  private static final AtomicReference<Sink> SINK = new AtomicReference<>();
  private static final AtomicLong ERRORS = new AtomicLong();
  private static final AtomicLong DROPPED = new AtomicLong();
  private static final List<Throwable> FIRST_ERRORS = Collections.synchronizedList(new ArrayList<>());
  private static final LongAdder SKIPPED = new LongAdder();
  private static final ThreadLocal<ThreadState> THREADS = ThreadLocal.withInitial(ThreadState::new);
  private static final QuietPoints QUIET = new QuietPoints(System::nanoTime);

  private Bridge() {}

  /** Makes {@code sink} receive every later call; only the first installation wins. */
  public static boolean install(Sink sink) {
    // Loads the per-thread state's classes now: a thread's first skip may come at the bottom of an
    // overflowed stack, where loading a class fails.
    THREADS.get();
    return sink != null && SINK.compareAndSet(null, sink);
  }

  /** True once an agent has installed its sink. */
  public static boolean active() {
    return SINK.get() != null;
  }

  /**
   * Called by the catch-all handler of an instrumented frame before it boxes its locals: true when
   * the sink would not want them, because it declined {@code thrown} at an inner frame, or because
   * {@code thrown} is new and its throw point is over its rate. Then the handler rethrows at once.
   * In an exception storm this is what a dropped exception costs: a thread-local read per frame.
   *
   * <p>Unlike the other methods it has no catch-all of its own: it can fail only as the JVM fails
   * (no memory for the thread's state, no stack), which the handler's guard counts, and the
   * handler's compiled size is what decides whether the JIT inlines the application's method.
   */
  public static boolean skip(Throwable thrown, int siteId, int point) {
    ThreadState state = THREADS.get();
    return state.declined(thrown) || (!state.followed(thrown) && skipNew(state, thrown, siteId, point));
  }

  private static boolean skipNew(ThreadState state, Throwable thrown, int siteId, int point) {
    if (state.inside || SINK.get() == null) {
      return true;
    }
    if (!QUIET.quiet(siteId, point)) {
      return false;
    }
    state.decline(thrown);
    SKIPPED.increment();
    return true;
  }

  /**
   * Called by the catch-all handler of an instrumented frame, unless {@link #skip} said otherwise,
   * just before it rethrows {@code thrown}.
   *
   * @param siteId the capture site registered by the transformer (method and local layout)
   * @param point the site's capture point the frame was at (its source line and locals in scope)
   * @param locals {@code this}, the parameters and the locals in the order the site declares
   */
  public static void unwound(Throwable thrown, int siteId, int point, Object[] locals) {
    Sink sink = SINK.get();
    if (sink == null) {
      return;
    }
    ThreadState state = enter();
    if (state == null) {
      return;
    }
    try {
      long answer = sink.unwound(thrown, siteId, point, locals);
      if (answer == Sink.FOLLOW) {
        state.follow(thrown);
      } else {
        state.decline(thrown);
        QUIET.quietFor(siteId, point, answer);
      }
    } catch (Throwable t) {
      record(t);
    } finally {
      state.inside = false;
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
    ThreadState state = enter();
    if (state == null) {
      return;
    }
    try {
      sink.uncaught(thread, thrown);
    } catch (Throwable t) {
      record(t);
    } finally {
      state.inside = false;
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
    ThreadState state = enter();
    if (state == null) {
      return;
    }
    try {
      sink.postMortem(thrown, name);
    } catch (Throwable t) {
      record(t);
    } finally {
      state.inside = false;
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

  /** How many new throwables {@link #skip} turned away at a throw point over its rate. */
  public static long skippedOverRate() {
    return SKIPPED.sum();
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

  private static ThreadState enter() {
    try {
      ThreadState state = THREADS.get();
      if (state.inside) {
        return null;
      }
      state.inside = true;
      return state;
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
