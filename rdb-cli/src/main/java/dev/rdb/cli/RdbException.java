package dev.rdb.cli;

/** A failure the user can act on, reported as one line with its exit code; no stack trace. */
final class RdbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Exit exit;

  RdbException(String message, Exit exit) {
    super(message);
    this.exit = exit;
  }

  Exit exit() {
    return exit;
  }
}
