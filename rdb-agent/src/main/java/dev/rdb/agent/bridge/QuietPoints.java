package dev.rdb.agent.bridge;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Throw points (a capture site and one of its points) whose new throwables the sink declines for a
 * while, because the point is over its rate. Read on every throwable's first instrumented frame, so
 * a read is two array loads and, only for a quiet point, one clock read; writes (at most one per
 * point and rate window) copy what they grow.
 *
 * <p>Deadlines are plain {@code long}s written without a lock: a reader may see a point quiet a
 * little late or a little long, which moves a capture or two across a window, never a wrong value.
 */
final class QuietPoints {

  private static final long[] NONE = {};

  private final LongSupplier clock;
  /** By site, then point: the clock reading until which the point is quiet; 0 for never quiet. */
  private volatile long[][] until = {};

  QuietPoints(LongSupplier clock) {
    this.clock = clock;
  }

  boolean quiet(int siteId, int point) {
    long[][] sites = until;
    if (siteId < 0 || siteId >= sites.length || point < 0) {
      return false;
    }
    long[] points = sites[siteId];
    if (point >= points.length) {
      return false;
    }
    long deadline = points[point];
    return deadline != 0 && deadline - clock.getAsLong() > 0;
  }

  /** Makes new throwables at {@code point} of {@code siteId} quiet for the next {@code nanos}. */
  void quietFor(int siteId, int point, long nanos) {
    if (siteId < 0 || point < 0 || nanos <= 0) {
      return;
    }
    long deadline = clock.getAsLong() + nanos;
    synchronized (this) {
      long[][] sites = until;
      if (siteId >= sites.length) {
        sites = Arrays.copyOf(sites, Math.max(siteId + 1, sites.length * 2));
        Arrays.fill(sites, until.length, sites.length, NONE);
      }
      long[] points = sites[siteId];
      if (point >= points.length) {
        points = Arrays.copyOf(points, point + 1);
      }
      points[point] = deadline == 0 ? 1 : deadline;
      sites[siteId] = points;
      until = sites;
    }
  }
}
