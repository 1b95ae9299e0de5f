package dev.rdb.core;

/**
 * The serving side's {@link Policy} refused an operation. The message says what was refused and
 * how the server could allow it.
 */
public final class PolicyDeniedException extends RdbException {
  private static final long serialVersionUID = 1L;

  PolicyDeniedException(String message) {
    super(message, null);
  }
}
