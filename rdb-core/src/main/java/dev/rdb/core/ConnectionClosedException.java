package dev.rdb.core;

/** The connection is closed: says why and which side closed it. */
public final class ConnectionClosedException extends RdbException {
  private static final long serialVersionUID = 1L;

  /** Who ended the connection. */
  public enum ClosedBy {
    /** This end called {@link Connection#close} or refused the peer (protocol error, bad token). */
    THIS_END,
    /** The peer said GOODBYE (its reason is in the message). */
    PEER,
    /** The channel failed or ended without a GOODBYE (socket reset, EOF, malformed frame). */
    CHANNEL
  }

  private final ClosedBy closedBy;
  private final String reason;

  ConnectionClosedException(ClosedBy closedBy, String reason, Throwable cause) {
    super(describe(closedBy, reason), cause);
    this.closedBy = closedBy;
    this.reason = reason;
  }

  /** Which side ended the connection. */
  public ClosedBy closedBy() {
    return closedBy;
  }

  /** The reason alone, e.g. {@code bad token}. */
  public String reason() {
    return reason;
  }

  /** A fresh exception with the same reason, so each failed caller gets its own stack trace. */
  ConnectionClosedException copy() {
    return new ConnectionClosedException(closedBy, reason, getCause());
  }

  private static String describe(ClosedBy closedBy, String reason) {
    switch (closedBy) {
      case THIS_END:
        return "connection closed by this end: " + reason;
      case PEER:
        return "connection closed by peer: " + reason;
      default:
        return "connection lost: " + reason;
    }
  }
}
