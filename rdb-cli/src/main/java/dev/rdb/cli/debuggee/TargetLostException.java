package dev.rdb.cli.debuggee;

/**
 * The target is gone (connection closed, agent exited, authentication refused mid-session): no
 * later exchange can succeed. Scripts stop with exit code 2; the REPL says so and ends.
 */
public final class TargetLostException extends TargetException {
  private static final long serialVersionUID = 1L;

  public TargetLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
