package dev.rdb.core;

/**
 * Why one operation of a request failed on the serving side; becomes an error result
 * ({@code ["!", code, message, throwable]}) in the reply. No stack trace: it is a value.
 */
final class OperationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String INVALID = "invalid";
  static final String DENIED = "denied";
  static final String REMOTE = "remote";
  static final String DEPENDENCY = "dependency";
  static final String INTERNAL = "internal";

  private final String code;
  private final transient Throwable thrown;

  OperationFailure(String code, String message) {
    this(code, message, null);
  }

  OperationFailure(String code, String message, Throwable thrown) {
    super(message, null, false, false);
    this.code = code;
    this.thrown = thrown;
  }

  String code() {
    return code;
  }

  /** What application code threw, for {@link #REMOTE}; else {@code null}. */
  Throwable thrown() {
    return thrown;
  }
}
