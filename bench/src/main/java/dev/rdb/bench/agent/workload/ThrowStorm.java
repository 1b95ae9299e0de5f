package dev.rdb.bench.agent.workload;

import java.util.function.IntUnaryOperator;

/**
 * A bare throw-and-catch loop's body: every call fails 2 or 3 frames of this class deep, from one of
 * two throw sites, with a full stack trace — an exception storm with no other work to hide in.
 */
public final class ThrowStorm implements IntUnaryOperator {

  @Override
  public int applyAsInt(int n) {
    int kind = n & 1;
    String label = "order-" + kind;
    return price(kind, label) + 1;
  }

  private static int price(int kind, String label) {
    long cents = kind * 3L;
    if (kind == 0) {
      throw new IllegalArgumentException(label);
    }
    return check(cents, label);
  }

  private static int check(long cents, String label) {
    int quantity = label.length() - 7;
    throw new IllegalStateException(quantity > cents ? "over" : "under");
  }
}
