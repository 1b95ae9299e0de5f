package dev.rdb.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.bridge.Sink;
import dev.rdb.agent.capture.CapturePoint;
import dev.rdb.agent.capture.CaptureSite;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.capture.LocalSlot;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaptureStoreTest {

  private final CaptureSites sites = new CaptureSites();
  private final Counters counters = new Counters();
  private final AtomicLong clock = new AtomicLong();
  private final List<CaptureSite> upgraded = new ArrayList<>();

  private CaptureStore store(StoreSettings settings) {
    return new CaptureStore(sites, counters, settings, upgraded::add, clock::get);
  }

  private CaptureSite site(String className, String method, int line, boolean allLocals) {
    BitSet scope = new BitSet();
    scope.set(0, 2);
    return sites.register(new CaptureSites.SiteDraft(className, method, "(I)V", "F.java", true,
        allLocals, List.of(new LocalSlot("n", "int", "I", 0, true), new LocalSlot("x", "int", "I", 1, false)),
        List.of(new CapturePoint(line, scope, false))));
  }

  @Test
  void framesOfOneThrowableAccumulateInnermostFirstAndMergeWithTheStackTrace() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    CaptureSite inner = site("a.Inner", "work", 11, true);
    CaptureSite outer = site("a.Outer", "call", 22, true);
    RuntimeException e = new RuntimeException("boom");
    e.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("lib.Lib", "fail", "Lib.java", 5),
        new StackTraceElement("a.Inner", "work", "Inner.java", 10),
        new StackTraceElement("a.Outer", "call", "Outer.java", 20),
        new StackTraceElement("a.Main", "main", "Main.java", 1)});
    store.unwound(e, inner.id(), 0, new Object[] {1, 2});
    store.unwound(e, outer.id(), 0, new Object[] {3, 4});
    store.postMortem(e);

    PostMortemView pm = store.postMortems().get(0);
    assertThat(pm.frames()).extracting(FrameView::methodName).containsExactly("fail", "work", "call", "main");
    assertThat(pm.frames()).extracting(FrameView::captured).containsExactly(false, true, true, false);
    assertThat(pm.frames().get(1).line()).as("the capture's own line").isEqualTo(11);
    assertThat(pm.frames().get(1).locals()).extracting(LocalView::value).containsExactly(1, 2);
    assertThat(pm.frames().get(0).locals()).isEmpty();
    assertThat(pm.exceptionType()).isEqualTo("java.lang.RuntimeException");
    assertThat(pm.message()).isEqualTo("boom");
    assertThat(pm.throwable()).isSameAs(e);
  }

  @Test
  void sameThrowablePromotedTwiceIsKeptOnce() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    RuntimeException e = new RuntimeException();
    store.postMortem(e);
    store.postMortem(e);
    assertThat(store.postMortems()).hasSize(1);
    assertThat(counters.get(Counter.ALREADY_PROMOTED)).isEqualTo(1);
  }

  @Test
  void wrappedCauseJoinsItsWrapperAndIsNotKeptAgain() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    CaptureSite inner = site("a.Inner", "work", 11, true);
    CaptureSite outer = site("a.Outer", "call", 22, true);
    IllegalStateException cause = new IllegalStateException("cause");
    store.unwound(cause, inner.id(), 0, new Object[] {1, 2});
    RuntimeException wrapper = new RuntimeException("wrapper", cause);
    store.unwound(wrapper, outer.id(), 0, new Object[] {3, 4});
    store.postMortem(wrapper);
    store.postMortem(cause);

    assertThat(store.postMortems()).hasSize(1);
    assertThat(store.postMortems().get(0).frames().stream().filter(FrameView::captured))
        .extracting(FrameView::methodName).containsExactly("work", "call");
  }

  @Test
  void ringKeepsTheNewestPostMortems() {
    CaptureStore store = store(StoreSettings.of(2, CaptureMode.OFF));
    for (int i = 0; i < 5; i++) {
      store.postMortem(new RuntimeException("n" + i));
    }
    assertThat(store.postMortems()).extracting(PostMortemView::message).containsExactly("n3", "n4");
    assertThat(store.postMortems()).extracting(PostMortemView::id).containsExactly(4, 5);
    assertThat(counters.get(Counter.POST_MORTEMS_DROPPED)).isEqualTo(3);
  }

  @Test
  void pendingCapturesAreBoundedByCount() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 3, Long.MAX_VALUE, 1000));
    CaptureSite s = site("a.A", "m", 1, true);
    List<Throwable> alive = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Throwable t = new RuntimeException();
      alive.add(t);
      store.unwound(t, s.id(), 0, new Object[] {i, i});
    }
    assertThat(store.pendingCount()).isLessThanOrEqualTo(3);
    assertThat(counters.get(Counter.STORE_EVICTED)).isEqualTo(7);
    assertThat(alive).hasSize(10);
  }

  @Test
  void manyThrowablesCaughtAndDroppedLeaveTheStoreBounded() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 50, Long.MAX_VALUE, Integer.MAX_VALUE));
    CaptureSite s = site("a.A", "m", 1, true);
    for (int i = 0; i < 100_000; i++) {
      store.unwound(new RuntimeException(), s.id(), 0, new Object[] {i, i});
    }
    assertThat(store.pendingCount()).isLessThanOrEqualTo(50);
    assertThat(store.arrivalBacklog()).as("arrival order stays bounded").isLessThanOrEqualTo(4 * 50 + 16);
  }

  @Test
  void pendingCapturesAreBoundedByAge() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 100, 1_000, 1000));
    CaptureSite s = site("a.A", "m", 1, true);
    Throwable old = new RuntimeException();
    store.unwound(old, s.id(), 0, new Object[] {0, 0});
    clock.addAndGet(5_000);
    Throwable fresh = new RuntimeException();
    store.unwound(fresh, s.id(), 0, new Object[] {0, 0});
    assertThat(store.pendingCount()).isEqualTo(1);
    assertThat(counters.get(Counter.STORE_EVICTED)).isEqualTo(1);
    store.postMortem(old);
    assertThat(store.postMortems().get(0).frames().stream().anyMatch(FrameView::captured))
        .as("the old capture was evicted").isFalse();
  }

  @Test
  void capturesOfACaughtAndDroppedThrowableGoWithIt() throws Exception {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    CaptureSite s = site("a.A", "m", 1, true);
    store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0});
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (store.pendingCount() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertThat(store.pendingCount()).as("collected throwable's captures dropped").isZero();
    assertThat(counters.get(Counter.STORE_EVICTED)).as("dropped, not evicted").isZero();
  }

  @Test
  void throwSitePastItsRateIsCountedNotCaptured() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 1000, Long.MAX_VALUE, 2));
    CaptureSite s = site("a.A", "m", 7, true);
    List<Long> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0}));
    }
    assertThat(answers.subList(0, 2)).containsOnly(Sink.FOLLOW);
    assertThat(answers.subList(2, 5)).as("declined for the rest of the second").containsOnly(1_000_000_000L);
    assertThat(counters.get(Counter.RATE_LIMITED)).isEqualTo(3);
    assertThat(counters.get(Counter.FRAMES_CAPTURED)).isEqualTo(2);
    assertThat(store.pendingCount()).as("throwables over the rate take no store entry").isEqualTo(2);
    clock.addAndGet(2_000_000_000L);
    store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0});
    assertThat(counters.get(Counter.FRAMES_CAPTURED)).as("a new second, a new allowance").isEqualTo(3);
  }

  @Test
  void throwSiteOverItsRateIsDeclinedUntilItsWindowEnds() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 1000, Long.MAX_VALUE, 1));
    CaptureSite s = site("a.A", "m", 7, true);
    store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0});
    clock.addAndGet(250_000_000L);
    assertThat(store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0})).isEqualTo(750_000_000L);
  }

  @Test
  void framesOfAThrowableAlreadyFollowedAreTakenWhateverTheirSitesRate() {
    CaptureStore store = store(new StoreSettings(10, CaptureMode.OFF, 1000, Long.MAX_VALUE, 1));
    CaptureSite inner = site("a.Inner", "work", 11, true);
    CaptureSite outer = site("a.Outer", "call", 22, true);
    store.unwound(new RuntimeException(), outer.id(), 0, new Object[] {0, 0});
    Throwable t = new RuntimeException();
    assertThat(store.unwound(t, inner.id(), 0, new Object[] {0, 0})).isEqualTo(Sink.FOLLOW);
    assertThat(store.unwound(t, outer.id(), 0, new Object[] {0, 0}))
        .as("outer's rate counts throw sites, and t was thrown elsewhere").isEqualTo(Sink.FOLLOW);
    assertThat(counters.get(Counter.FRAMES_CAPTURED)).isEqualTo(3);
  }

  @Test
  void adaptiveSiteIsUpgradedOnceWhenSeen() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    CaptureSite s = site("a.A", "m", 7, false);
    store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0});
    store.unwound(new RuntimeException(), s.id(), 0, new Object[] {0, 0});
    assertThat(upgraded).containsExactly(s);
    assertThat(sites.upgraded(s.methodKey())).isTrue();
  }

  @Test
  void captureAllPromotesWhenNoInstrumentedCallerIsLeft() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.ALL));
    CaptureSite s = site(getClass().getName(), "captureAllPromotesWhenNoInstrumentedCallerIsLeft", 7, true);
    RuntimeException e = new RuntimeException();
    store.unwound(e, s.id(), 0, new Object[] {0, 0});
    assertThat(store.postMortems()).extracting(PostMortemView::throwable).containsExactly(e);
  }

  @Test
  void captureAllWaitsForTheOutermostInstrumentedCaller() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.ALL));
    CaptureSite inner = site(getClass().getName(), "unwindInner", 7, true);
    CaptureSite outer = site(getClass().getName(), "captureAllWaitsForTheOutermostInstrumentedCaller", 9, true);
    RuntimeException e = new RuntimeException();
    unwindInner(store, e, inner);
    assertThat(store.postMortems()).as("an instrumented caller is still on the stack").isEmpty();
    store.unwound(e, outer.id(), 0, new Object[] {0, 0});
    assertThat(store.postMortems()).as("left the outermost instrumented frame").hasSize(1);
    assertThat(store.postMortems().get(0).frames().stream().filter(FrameView::captured))
        .extracting(FrameView::methodName).containsExactly("unwindInner", "captureAllWaitsForTheOutermostInstrumentedCaller");
  }

  private static void unwindInner(CaptureStore store, RuntimeException e, CaptureSite inner) {
    store.unwound(e, inner.id(), 0, new Object[] {0, 0});
  }

  @Test
  void captureOffIgnoresUncaughtButKeepsExplicitPostMortems() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    store.uncaught(Thread.currentThread(), new RuntimeException("uncaught"));
    store.postMortem(new RuntimeException("explicit"));
    assertThat(store.postMortems()).extracting(PostMortemView::message).containsExactly("explicit");
  }

  @Test
  void postMortemAsMapUsesTheContractFieldNames() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.UNCAUGHT));
    store.uncaught(new Thread("worker-7"), new IllegalStateException("m"));
    var map = store.postMortems().get(0).asMap();
    assertThat(map).containsOnlyKeys("id", "time", "thread", "name", "exceptionType", "message",
        "throwable", "frames");
    assertThat(map.get("thread")).isEqualTo("worker-7");
    assertThat(map.get("name")).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void namedPostMortemTakesTheNameAndListenersHearOfIt() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    List<PostMortemView> heard = new ArrayList<>();
    store.onPromotion(heard::add);
    store.postMortem(new IllegalStateException("x"), "OrderTest.totals");
    assertThat(store.postMortems()).extracting(PostMortemView::name).containsExactly("OrderTest.totals");
    assertThat(heard).extracting(PostMortemView::name).containsExactly("OrderTest.totals");
  }

  @Test
  void namingAnAlreadyKeptThrowableRenamesItInPlace() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    List<PostMortemView> heard = new ArrayList<>();
    store.onPromotion(heard::add);
    RuntimeException first = new RuntimeException("first");
    RuntimeException e = new RuntimeException("second");
    store.postMortem(first);
    store.postMortem(e);
    store.postMortem(e, "ShopTest.checkout");
    assertThat(store.postMortems()).extracting(PostMortemView::name)
        .containsExactly("java.lang.RuntimeException", "ShopTest.checkout");
    assertThat(store.postMortems().get(1).id()).isEqualTo(heard.get(1).id());
    assertThat(heard).hasSize(3);
    assertThat(heard.get(2).name()).isEqualTo("ShopTest.checkout");
    assertThat(counters.get(Counter.ALREADY_PROMOTED)).isZero();
  }

  @Test
  void failingPromotionListenerIsCountedAndTheStoreGoesOn() {
    CaptureStore store = store(StoreSettings.of(10, CaptureMode.OFF));
    store.onPromotion(pm -> {
      throw new IllegalStateException("listener broke");
    });
    store.postMortem(new RuntimeException());
    assertThat(store.postMortems()).hasSize(1);
    assertThat(counters.get(Counter.STORE_ERROR)).isEqualTo(1);
  }
}
