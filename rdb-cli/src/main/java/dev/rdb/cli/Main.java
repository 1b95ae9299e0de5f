package dev.rdb.cli;

/** {@code java -jar rdb.jar …}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs rdb as {@code rdb ARGS…} would and returns its exit code instead of exiting: how a program
   * opens the post-mortem REPL on a remote traceback it caught ({@code dev.rdb.demo.seed}).
   */
  public static int run(String... args) {
    return RdbCommand.commandLine().execute(args);
  }
}
