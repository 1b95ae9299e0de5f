package dev.rdb.core;

/**
 * The peer does not speak this protocol: a version mismatch (the message names both versions) or
 * a malformed message.
 */
public final class ProtocolException extends RdbException {
  private static final long serialVersionUID = 1L;

  ProtocolException(String message) {
    super(message, null);
  }

  ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
