package dev.rdb.agent.store;

/**
 * Bounds of the store.
 *
 * @param keep post-mortems kept (option {@code keep=})
 * @param capture which exceptions are promoted without being asked (option {@code capture=})
 * @param maxPending throwables whose captures wait for promotion
 * @param maxPendingAgeNanos how long captures wait for promotion
 * @param perSitePerSecond new exceptions recorded per throw site and second
 */
public record StoreSettings(int keep, CaptureMode capture, int maxPending, long maxPendingAgeNanos,
    int perSitePerSecond) {

  public StoreSettings {
    if (keep < 1) {
      throw new IllegalArgumentException("keep < 1: " + keep);
    }
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending < 1: " + maxPending);
    }
    if (perSitePerSecond < 1) {
      throw new IllegalArgumentException("perSitePerSecond < 1: " + perSitePerSecond);
    }
  }

  /** The defaults for {@code keep} post-mortems and {@code capture}. */
  public static StoreSettings of(int keep, CaptureMode capture) {
    return new StoreSettings(keep, capture, 1_000, 60_000_000_000L, 100);
  }
}
