package dev.rdb.core;

/**
 * Every failure rdb-core reports. Unchecked, because nearly every remote operation can fail in the
 * same few ways and callers handle them in one place (the CLI prints the message as one line).
 */
public abstract sealed class RdbException extends RuntimeException
    permits ConnectionClosedException, CallTimeoutException, CallInterruptedException,
        ProtocolException,
        AuthenticationException, RemoteException, PolicyDeniedException,
        InvalidOperationException {
  private static final long serialVersionUID = 1L;

  RdbException(String message, Throwable cause) {
    super(message, cause);
  }
}
