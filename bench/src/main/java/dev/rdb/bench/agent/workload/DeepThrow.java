package dev.rdb.bench.agent.workload;

import java.util.function.IntUnaryOperator;

/** Throws an exception (with its stack trace) from {@code depth} frames of this class deep. */
public final class DeepThrow implements IntUnaryOperator {

  @Override
  public int applyAsInt(int depth) {
    return descend(depth, depth * 2L, "level");
  }

  private static int descend(int remaining, long weight, String label) {
    int here = remaining * 3;
    String name = label + remaining;
    if (remaining <= 1) {
      throw new IllegalStateException(name);
    }
    return descend(remaining - 1, weight + here, label) + name.length();
  }
}
