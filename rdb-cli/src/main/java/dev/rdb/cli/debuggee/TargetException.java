package dev.rdb.cli.debuggee;

/**
 * An exchange with the target failed as a whole: unreadable dump, lost connection, timeout, or an
 * unknown post-mortem or frame. The message is one line for the user.
 */
public class TargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
