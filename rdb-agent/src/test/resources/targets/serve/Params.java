package serve;

/** Compiled with -parameters: an injected agent must leave it alone on JDK < 19 (JDK-8240908). */
final class Params {

  private Params() {}

  static int scale(int value, int divisor) {
    int scaled = value * 10;
    return scaled / divisor;
  }
}
