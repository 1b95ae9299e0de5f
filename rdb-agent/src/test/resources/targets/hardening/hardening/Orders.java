package hardening;

/** Instrumented application code for {@link Storm}: every submission fails, from one of three sites. */
final class Orders {

  private Orders() {}

  /** The last request's checksum: read by nobody, written so the JIT keeps the work. */
  static volatile long lastChecksum;

  static int submit(long n) {
    return submit(n, 0);
  }

  /** A request that does {@code work} rounds of arithmetic (its real work) and then fails. */
  static int submit(long n, int work) {
    lastChecksum = checksum(n, work);
    Order order = new Order(n, new int[64]);
    int kind = (int) (n % 3);
    try {
      return price(order, kind) + 1;
    } catch (RuntimeException e) {
      // The failed order remembers why: a captured value now holds its own throwable, so the
      // store's weak keys cannot free these captures and its count and age bounds must.
      order.failure = e;
      throw e;
    }
  }

  private static long checksum(long seed, int rounds) {
    long h = seed;
    for (int i = 0; i < rounds; i++) {
      h = (h ^ (h >>> 29)) * 0x9E3779B97F4A7C15L + i;
    }
    return h;
  }

  private static int price(Order order, int kind) {
    long cents = order.id * 3;
    if (kind == 0) {
      throw new IllegalArgumentException("no price for kind 0");
    }
    return check(order, cents, kind);
  }

  private static int check(Order order, long cents, int kind) {
    int quantity = order.lines.length - 64;
    if (kind == 1) {
      return Integer.parseInt("q" + quantity);
    }
    throw new IllegalStateException("over limit");
  }

  static void crash(int code) {
    String reason = "final crash";
    long stamp = code * 1000L;
    throw new IllegalStateException(reason + " " + stamp);
  }

  /** A captured value with some weight: what the store holds while captures wait. */
  static final class Order {
    final long id;
    final int[] lines;
    RuntimeException failure;

    Order(long id, int[] lines) {
      this.id = id;
      this.lines = lines;
    }
  }
}
