package hardening;

/** Instrumented class whose static initializer throws. */
final class BrokenInit {

  static final int VALUE = compute(3);

  private BrokenInit() {}

  private static int compute(int n) {
    int[] table = new int[n];
    return table[n];
  }
}
