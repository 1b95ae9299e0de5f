package dev.rdb.cli.repl;

/** A command could not do its job; the message is one line for the user. */
public final class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Failure.Kind kind;

  CommandException(String message) {
    this(message, Failure.Kind.FAILED);
  }

  CommandException(String message, Failure.Kind kind) {
    super(message);
    this.kind = kind;
  }

  Failure.Kind kind() {
    return kind;
  }
}
