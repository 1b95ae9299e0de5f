package dev.rdb.cli;

import dev.rdb.cli.repl.Failure;

/** rdb's exit codes: one place, listed in every command's help footer and asserted in tests. */
public enum Exit {
  OK(0, "success"),
  FAILED(1, "a command failed, or the dump is unreadable"),
  USAGE(2, "bad usage, or connection or authentication failed"),
  NO_POST_MORTEM(3, "the target has no post-mortem");

  private final int code;
  private final String meaning;

  Exit(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** The exit code of a script that stopped on a failure of this kind. */
  static Exit of(Failure.Kind kind) {
    return switch (kind) {
      case NO_POST_MORTEM -> NO_POST_MORTEM;
      case TARGET_LOST -> USAGE;
      case FAILED, CANCELLED -> FAILED;
    };
  }

  /** The footer lines of {@code --help}. */
  static String[] footer() {
    Exit[] all = values();
    String[] lines = new String[all.length + 1];
    lines[0] = "%nExit codes:";
    for (int i = 0; i < all.length; i++) {
      lines[i + 1] = String.format("  %d  %s", all[i].code, all[i].meaning);
    }
    return lines;
  }
}
