package dev.rdb.agent.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} new exceptions recorded per throw site (class and line) and second, so an
 * exception storm costs a map lookup per frame instead of a capture.
 */
final class ThrowSiteRate {

  private static final long SECOND = 1_000_000_000L;
  private static final int MAX_SITES = 10_000;

  private final int perSecond;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  ThrowSiteRate(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /** True when one more exception from {@code site} may be recorded now. */
  boolean allow(String site) {
    if (windows.size() > MAX_SITES) {
      windows.clear();
    }
    long now = nanoTime.getAsLong();
    Window w = windows.computeIfAbsent(site, k -> new Window(now));
    synchronized (w) {
      if (now - w.start >= SECOND) {
        w.start = now;
        w.count = 0;
      }
      return ++w.count <= perSecond;
    }
  }

  private static final class Window {
    long start;
    int count;

    Window(long start) {
      this.start = start;
    }
  }
}
