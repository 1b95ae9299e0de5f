package dev.rdb.cli;

/** {@code java -jar rdb.jar …}. */
public final class Main {
  private static final String UNIVERSAL_BUFFER = "msgpack.universal-buffer";

  private Main() {}

  public static void main(String[] args) {
    // This JVM is rdb's own: msgpack may take its universal buffer for good, which keeps JDK 23+
    // from printing its sun.misc.Unsafe deprecation warning when the first connection opens.
    if (System.getProperty(UNIVERSAL_BUFFER) == null) {
      System.setProperty(UNIVERSAL_BUFFER, "true");
    }
    System.exit(run(args));
  }

  /**
   * Runs rdb as {@code rdb ARGS…} would and returns its exit code instead of exiting: how a program
   * opens the post-mortem REPL on a remote traceback it caught ({@code dev.rdb.demo.seed}).
   */
  public static int run(String... args) {
    return RdbCommand.commandLineFor(args).execute(args);
  }
}
