package dev.rdb.core;

import java.util.List;

/**
 * A throwable of the peer, copied by name (class name, message, stack trace, cause) and kept by
 * reference ({@link #ref()}), so that {@code e.getCause()} or its fields can still be read.
 *
 * <p>As a value this is what JDK throwables ({@code java.*}, {@code javax.*}, {@code jdk.*}) become;
 * other throwables arrive as plain {@link RemoteRef}s. {@link RemoteException} carries one for any
 * exception thrown by remote code.
 *
 * @param className binary name of the remote throwable's class
 * @param message its message, or {@code null}
 * @param stackTrace its stack trace, innermost first (bounded, see {@code docs/PROTOCOL.md})
 * @param cause its cause, or {@code null}
 * @param ref the throwable itself on the remote side ({@code null} only if the peer sent none)
 */
public record RemoteThrowable(String className, String message, List<StackTraceElement> stackTrace,
    RemoteThrowable cause, RemoteRef ref) {
  public RemoteThrowable {
    stackTrace = List.copyOf(stackTrace);
  }

  @Override
  public String toString() {
    return message == null ? className : className + ": " + message;
  }
}
