package hardening;

/** Instrumented code for {@link Faults}. */
final class Risky {

  private Risky() {}

  static void throwPrepared(IllegalStateException prepared, long[] big, int round) {
    long weight = big.length + round;
    double share = weight / 3.0;
    if (share >= 0) {
      throw prepared;
    }
  }

  static int withHostileLocals(Hostile value, int n) {
    Hostile second = new Hostile("second " + n);
    if (value != null && second != null) {
      throw new Hostile.HostileException(value);
    }
    return n;
  }

  static int descend(int depth, int[] deepest) {
    long padding = depth * 2L;
    deepest[0] = depth;
    return descend(depth + 1, deepest) + (int) padding;
  }

  static int divide(int a, int b) {
    int quotient = a / b;
    return quotient;
  }

  static void throwHoldingMonitor(Object lock, int i) {
    synchronized (lock) {
      int inside = i * 2;
      if (inside >= 0) {
        throw new IllegalStateException("in block " + inside);
      }
    }
  }

  static synchronized void throwInSynchronizedMethod(int i) {
    long inside = i * 3L;
    if (inside >= 0) {
      throw new IllegalStateException("in method " + inside);
    }
  }
}
