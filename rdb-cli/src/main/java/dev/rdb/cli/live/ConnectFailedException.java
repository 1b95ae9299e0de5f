package dev.rdb.cli.live;

/**
 * The debugger could not attach: nothing listens, the token is wrong or missing, the TLS
 * certificate changed, the agent did not answer. The message is one line for the user, without
 * the address (the caller puts it in front).
 */
public final class ConnectFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConnectFailedException(String message) {
    super(message);
  }

  ConnectFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
