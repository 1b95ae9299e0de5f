package oracle;

/** Thrown by every case when asked to fail. */
public final class Boom extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Boom(String message) {
    super(message);
  }

  static int maybe(boolean fail, String why) {
    if (fail) {
      throw new Boom(why);
    }
    return why.length();
  }
}
