package dev.rdb.core;

/**
 * The error result of one operation, as the peer reported it. Kept as a value so every
 * {@link Batch.Step#value()} that reads it throws a fresh exception with the caller's stack.
 */
record StepFailure(String code, String message, RemoteThrowable thrown) {
  RdbException toException() {
    switch (code) {
      case OperationFailure.DENIED:
        return new PolicyDeniedException(message);
      case OperationFailure.REMOTE:
        return thrown == null
            ? new InvalidOperationException("remote code failed: " + message)
            : new RemoteException(thrown);
      case OperationFailure.INVALID:
      case OperationFailure.DEPENDENCY:
        return new InvalidOperationException(message);
      default:
        return new InvalidOperationException(code + ": " + message);
    }
  }
}
