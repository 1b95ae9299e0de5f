package dev.rdb.cli;

/** {@code java -jar rdb.jar …}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(RdbCommand.commandLine().execute(args));
  }
}
