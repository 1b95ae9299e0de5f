package dev.rdb.agent.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} new exceptions recorded per throw site and second, so an exception storm
 * costs a map lookup per frame instead of a capture. A throw site is the innermost instrumented
 * method's capture site and line (one class and line, unless two methods share a source line).
 */
final class ThrowSiteRate {

  private static final long SECOND = 1_000_000_000L;
  private static final int MAX_SITES = 10_000;

  private final int perSecond;
  private final LongSupplier nanoTime;
  private final Map<Long, Window> windows = new ConcurrentHashMap<>();

  ThrowSiteRate(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /**
   * Counts one more exception from capture site {@code siteId} at {@code line}: 0 when it may be
   * recorded, else the nanoseconds until the site's window ends and it may record again.
   */
  long overFor(int siteId, int line) {
    if (windows.size() > MAX_SITES) {
      windows.clear();
    }
    long now = nanoTime.getAsLong();
    Long site = ((long) siteId << 32) | (line & 0xffff_ffffL);
    Window w = windows.get(site);
    if (w == null) {
      w = windows.computeIfAbsent(site, k -> new Window(now));
    }
    synchronized (w) {
      if (now - w.start >= SECOND) {
        w.start = now;
        w.count = 0;
      }
      return ++w.count <= perSecond ? 0 : Math.max(1, w.start + SECOND - now);
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
