package dev.rdb.core;

import java.util.List;

/**
 * Code run on the remote side threw. Carries the remote exception's class name, message and stack
 * trace, its cause chain, and a reference to the remote throwable itself for further navigation.
 */
public final class RemoteException extends RdbException {
  private static final long serialVersionUID = 1L;
  private final transient RemoteThrowable remote;

  RemoteException(RemoteThrowable remote) {
    super(remote.className() + (remote.message() == null ? "" : ": " + remote.message()), null);
    this.remote = remote;
  }

  /** The remote throwable, by name and by reference. */
  public RemoteThrowable remote() {
    return remote;
  }

  /** The remote exception's class name, e.g. {@code java.lang.IllegalStateException}. */
  public String remoteClassName() {
    return remote.className();
  }

  /** The remote exception's message, or {@code null}. */
  public String remoteMessage() {
    return remote.message();
  }

  /** The remote stack trace, innermost frame first. */
  public List<StackTraceElement> remoteStackTrace() {
    return remote.stackTrace();
  }
}
