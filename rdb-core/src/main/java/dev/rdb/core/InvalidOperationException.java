package dev.rdb.core;

/**
 * The peer could not perform an operation as asked: no such field or method, arguments that fit
 * no overload, a target that cannot be indexed, a reference that is not (or no longer) exported,
 * an unknown operation. Nothing ran on the remote side.
 */
public final class InvalidOperationException extends RdbException {
  private static final long serialVersionUID = 1L;

  InvalidOperationException(String message) {
    super(message, null);
  }
}
