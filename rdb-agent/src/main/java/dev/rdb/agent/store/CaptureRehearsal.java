package dev.rdb.agent.store;

import dev.rdb.agent.capture.CapturePoint;
import dev.rdb.agent.capture.CaptureSite;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.capture.LocalSlot;
import dev.rdb.agent.metrics.Counters;
import java.util.BitSet;
import java.util.List;

/**
 * Runs made-up exceptions through a scratch store once, at startup, so that every class the capture
 * path needs (the store's own, lambdas, {@code StackWalker}, {@code java.time}) is loaded then.
 * Otherwise the first capture loads them wherever it happens — at the bottom of a recursion that
 * overflowed its stack, where loading a class fails and the JVM prints an instrumentation assertion
 * for each transformer call that fails.
 */
public final class CaptureRehearsal {

  private CaptureRehearsal() {}

  /**
   * Walks enough frames that the JDK also finishes its lazy work behind {@code StackWalker} (JDK 25
   * specializes the method handle that builds its frames after ~127 frames built): a deep
   * recursion's first capture walks thousands of frames at once.
   */
  private static final int FRAMES_WALKED = 512;

  /**
   * Exceptions the JDK's reflection under {@code StackWalker} catches: their classes load when a
   * stack overflow first passes those handlers, unless loaded here.
   */
  private static final List<Class<?>> CAUGHT_BY_THE_JDK =
      List.of(java.lang.invoke.WrongMethodTypeException.class, java.lang.reflect.InvocationTargetException.class);

  /** Captures, rate-limits, promotes and reads back throwables; leaves nothing behind. */
  public static void run() {
    rehearse();
    int[] walked = {0};
    while (walked[0] < FRAMES_WALKED) {
      StackWalker.getInstance().forEach(f -> walked[0]++);
    }
    CAUGHT_BY_THE_JDK.forEach(Class::getName);
  }

  private static void rehearse() {
    CaptureSites sites = new CaptureSites();
    BitSet scope = new BitSet();
    scope.set(0, 3);
    CaptureSite site = sites.register(new CaptureSites.SiteDraft(CaptureRehearsal.class.getName(), "run",
        "()V", "CaptureRehearsal.java", true, true,
        List.of(new LocalSlot("n", "int", "I", 0, false), new LocalSlot("big", "long", "J", 1, false),
            new LocalSlot("s", "java.lang.String", "Ljava/lang/String;", 3, false)),
        List.of(new CapturePoint(1, scope, false))));
    CaptureStore store = new CaptureStore(sites, new Counters(),
        new StoreSettings(1, CaptureMode.ALL, 4, 60_000_000_000L, 1), s -> { }, System::nanoTime);
    RuntimeException first = new RuntimeException("rehearsal");
    IllegalStateException second = new IllegalStateException("rehearsal", first);
    store.unwound(first, site.id(), 0, new Object[] {1, 2L, "s"});
    store.unwound(second, site.id(), 0, new Object[] {1, 2L, "s"});
    store.unwound(second, site.id(), 0, new Object[] {1, 2L, "s"});
    store.postMortem(second);
    store.uncaught(Thread.currentThread(), first);
    for (PostMortemView pm : store.postMortems()) {
      pm.asMap();
    }
  }
}
