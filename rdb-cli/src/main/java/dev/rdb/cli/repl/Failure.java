package dev.rdb.cli.repl;

import java.util.Objects;

/**
 * Why a command failed, as shown to the user: a message (one line; a syntax error adds the
 * expression and a caret above it) and a kind that scripting maps to an exit code. {@code bug}
 * is set only for failures that are rdb's own fault, so {@code --debug} can print their stack.
 */
public record Failure(String message, Kind kind, Throwable bug) {
  public Failure {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(kind, "kind");
  }

  Failure(String message, Kind kind) {
    this(message, kind, null);
  }

  /** Kinds of failure that scripts tell apart. */
  public enum Kind {
    /** Bad expression, unknown command, bad argument, a target answer that is an error. */
    FAILED,
    /** The command needs a post-mortem and the target has none. */
    NO_POST_MORTEM,
    /** The user pressed Ctrl-C. */
    CANCELLED,
    /** The target is gone ({@code TargetLostException}): the session cannot go on. */
    TARGET_LOST
  }
}
