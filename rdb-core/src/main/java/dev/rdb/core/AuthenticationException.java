package dev.rdb.core;

/** HELLO failed: one side could not prove it knows the shared token. */
public final class AuthenticationException extends RdbException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(String message) {
    super(message, null);
  }
}
