package dev.rdb.agent.store;

import dev.rdb.agent.bridge.Sink;
import dev.rdb.agent.capture.CaptureSite;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Gathers the frames each throwable unwinds through and promotes throwables into a bounded ring of
 * post-mortems. Called on application threads from the bridge: quick, no lock held while calling
 * application code (only {@code getStackTrace()}, {@code getMessage()} at promotion).
 */
public final class CaptureStore {

  private static final int MAX_CHAIN = 32;

  private final CaptureSites sites;
  private final Counters counters;
  private final StoreSettings settings;
  private final Consumer<CaptureSite> upgrade;
  private final PendingCaptures pending;
  private final ThrowSiteRate rate;
  private final ArrayDeque<PostMortemView> ring = new ArrayDeque<>();
  /** Throwables already promoted, or absorbed as causes of a promoted one; weak, by identity. */
  private final Set<Object> promoted = new HashSet<>();
  /** Told of each post-mortem kept (and again when it is renamed), on the promoting thread. */
  private final List<Consumer<PostMortemView>> promotionListeners = new CopyOnWriteArrayList<>();
  private final ReferenceQueue<Throwable> promotedCollected = new ReferenceQueue<>();
  private int nextId = 1;

  /** @param upgrade called once per method whose capture lacked locals (adaptive mode) */
  public CaptureStore(CaptureSites sites, Counters counters, StoreSettings settings,
      Consumer<CaptureSite> upgrade, LongSupplier nanoTime) {
    this.sites = sites;
    this.counters = counters;
    this.settings = settings;
    this.upgrade = upgrade;
    this.pending = new PendingCaptures(settings.maxPending(), settings.maxPendingAgeNanos(), nanoTime, counters);
    this.rate = new ThrowSiteRate(settings.perSitePerSecond(), nanoTime);
  }

  /**
   * One instrumented frame is being left by {@code thrown}. Answers as {@link Sink#unwound}: a
   * throwable over its throw site's rate is declined with the time left in the site's window, and
   * the bridge then keeps it, its outer frames and that point's next throwables away from here — in
   * a storm a pending entry (weak key, eviction) or even this call would cost more than the throw.
   */
  public long unwound(Throwable thrown, int siteId, int point, Object[] values) {
    CaptureSite site = sites.site(siteId);
    if (site == null || thrown == null) {
      return Sink.FOLLOW;
    }
    Unwinding unwinding = pending.get(thrown);
    if (unwinding == null) {
      long over = rate.overFor(siteId, line(site, point));
      if (over > 0) {
        counters.add(Counter.RATE_LIMITED);
        return over;
      }
      unwinding = pending.start(thrown);
    }
    unwinding.add(new FrameCapture(site, point, values));
    counters.add(Counter.FRAMES_CAPTURED);
    if (!site.allLocals() && sites.upgrade(site)) {
      upgrade.accept(site);
    }
    if (settings.capture() == CaptureMode.ALL && leavesOutermost(unwinding, site)) {
      promote(thrown, Thread.currentThread(), null);
    }
    return Sink.FOLLOW;
  }

  /** {@code thread} dies of {@code thrown}. */
  public void uncaught(Thread thread, Throwable thrown) {
    if (settings.capture() != CaptureMode.OFF) {
      promote(thrown, thread, null);
    }
  }

  /** The application asked to keep {@code thrown}. */
  public void postMortem(Throwable thrown) {
    promote(thrown, Thread.currentThread(), null);
  }

  /**
   * The application (a test runner integration) asked to keep {@code thrown} as {@code name}. When
   * {@code thrown} is a post-mortem already ({@code capture=all} kept it as it left the outermost
   * instrumented frame), that post-mortem takes the name and listeners hear of it again.
   */
  public void postMortem(Throwable thrown, String name) {
    if (name == null || name.isBlank()) {
      postMortem(thrown);
      return;
    }
    PostMortemView renamed = null;
    synchronized (this) {
      for (PostMortemView pm : ring) {
        if (pm.throwable() == thrown) {
          renamed = new PostMortemView(pm.id(), pm.time(), pm.thread(), name, pm.exceptionType(),
              pm.message(), pm.throwable(), pm.frames());
          replace(pm, renamed);
          break;
        }
      }
    }
    if (renamed != null) {
      notifyPromoted(renamed);
    } else {
      promote(thrown, Thread.currentThread(), name);
    }
  }

  /**
   * Calls {@code listener} with every post-mortem kept from now on, on the thread that promotes it
   * (an application thread: the listener must be quick, never block for long and never throw).
   */
  public void onPromotion(Consumer<PostMortemView> listener) {
    promotionListeners.add(listener);
  }

  /** The post-mortems kept, oldest first. */
  public synchronized List<PostMortemView> postMortems() {
    return List.copyOf(ring);
  }

  /** Captures not promoted yet (for tests of the bounds). */
  int pendingCount() {
    return pending.size();
  }

  /** Keys in the pending captures' arrival order (for tests of the bounds). */
  int arrivalBacklog() {
    return pending.arrivalBacklog();
  }

  private void promote(Throwable thrown, Thread thread, String testName) {
    List<Throwable> chain = chain(thrown);
    synchronized (this) {
      Reference<? extends Throwable> gone;
      while ((gone = promotedCollected.poll()) != null) {
        promoted.remove(gone);
      }
      if (promoted.contains(new IdentityKey.Probe(thrown))) {
        counters.add(Counter.ALREADY_PROMOTED);
        return;
      }
      chain.forEach(t -> promoted.add(new IdentityKey(t, promotedCollected)));
    }
    List<FrameCapture> captures = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Unwinding u = pending.take(chain.get(i));
      if (u != null) {
        captures.addAll(u.frames());
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    StackTraceElement[] trace = applicationCode(root::getStackTrace, new StackTraceElement[0]);
    List<FrameView> frames = FrameMerger.merge(trace == null ? new StackTraceElement[0] : trace, captures);
    String type = thrown.getClass().getName();
    String name = thread.getName();
    String threadName = name.isEmpty() ? applicationCode(thread::toString, "") : name;
    String message = applicationCode(thrown::getMessage, "<getMessage() threw>");
    PostMortemView pm;
    synchronized (this) {
      pm = new PostMortemView(nextId++, Instant.now().toString(), threadName,
          testName == null ? type : testName, type, message, thrown, frames);
      ring.addLast(pm);
      counters.add(Counter.POST_MORTEMS);
      while (ring.size() > settings.keep()) {
        ring.removeFirst();
        counters.add(Counter.POST_MORTEMS_DROPPED);
      }
    }
    notifyPromoted(pm);
  }

  /** Puts {@code renamed} where {@code old} is in the ring, keeping the order. */
  private void replace(PostMortemView old, PostMortemView renamed) {
    // By identity: a record's equals would call the throwable's, which is application code.
    List<PostMortemView> all = new ArrayList<>(ring);
    ring.clear();
    for (PostMortemView pm : all) {
      ring.addLast(pm == old ? renamed : pm);
    }
  }

  private void notifyPromoted(PostMortemView pm) {
    for (Consumer<PostMortemView> listener : promotionListeners) {
      try {
        listener.accept(pm);
      } catch (Throwable t) {
        counters.error(Counter.STORE_ERROR, "promotion listener", t);
      }
    }
  }

  /** {@code thrown} and its causes, outermost first; cycles cut. */
  private List<Throwable> chain(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = thrown; t != null && chain.size() < MAX_CHAIN && seen.put(t, true) == null;
        t = applicationCode(t::getCause, null)) {
      chain.add(t);
    }
    return chain;
  }

  /**
   * Calls a method a throwable or thread subclass may override, so application code: what it
   * throws is counted and {@code fallback} used, and the post-mortem is kept all the same.
   */
  private <T> T applicationCode(Supplier<T> call, T fallback) {
    try {
      return call.get();
    } catch (Throwable t) {
      // Counted, not described: the failure's own toString() is application code too.
      counters.add(Counter.APPLICATION_CODE_THREW);
      return fallback;
    }
  }

  /**
   * True when {@code unwinding}'s throwable leaves the outermost instrumented frame of its thread at
   * {@code site}. The stack is walked once per throwable, at its first capture (or when it turns up
   * somewhere else than the next caller expected); later frames only count the callers down. A walk
   * per frame made a deep unwinding quadratic, and walking at the bottom of an overflowed stack
   * is where the JVM fails to load the classes it needs for it.
   */
  private boolean leavesOutermost(Unwinding unwinding, CaptureSite site) {
    InstrumentedCallers callers = unwinding.callers;
    if (callers == null || !callers.leave(site.className(), site.methodName())) {
      callers = instrumentedCallers(site);
      unwinding.callers = callers;
    }
    return callers.none();
  }

  private InstrumentedCallers instrumentedCallers(CaptureSite site) {
    List<String> classes = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    StackWalker.getInstance().forEach(new Consumer<StackWalker.StackFrame>() {
      private boolean reachedSite;

      @Override
      public void accept(StackWalker.StackFrame f) {
        if (!reachedSite) {
          reachedSite = f.getClassName().equals(site.className()) && f.getMethodName().equals(site.methodName());
        } else if (sites.instrumented(f.getClassName(), f.getMethodName())) {
          classes.add(f.getClassName());
          methods.add(f.getMethodName());
        }
      }
    });
    return new InstrumentedCallers(classes.toArray(new String[0]), methods.toArray(new String[0]));
  }

  private static int line(CaptureSite site, int point) {
    return point >= 0 && point < site.points().size() ? site.points().get(point).line() : -1;
  }
}
