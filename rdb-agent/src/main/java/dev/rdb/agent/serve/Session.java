package dev.rdb.agent.serve;

import dev.rdb.agent.metrics.Counters;
import dev.rdb.core.Connection;
import dev.rdb.core.StreamChannel;
import java.io.IOException;
import java.net.Socket;

/**
 * One client, from the accepted socket to its close: at most one rdb-core {@link Connection}, which
 * owns the client's references (freed when it closes). A session is <em>attached</em> once HELLO
 * succeeded; {@link Sessions} counts attaches and detaches for {@code wait=}.
 *
 * <p>Thread rules: the handshake thread opens it, rdb-core's threads use its channel (only the
 * channel's writer thread waits to write to the socket), the watchdog and the exit hook may abort
 * it; {@link #close()} may run on any of them, once.
 */
final class Session {

  private final int number;
  private final Sessions owner;
  private volatile Socket socket;
  private volatile WatchedOutputStream out;
  private volatile Connection connection;
  /** Guarded by this. */
  private boolean attached;
  private boolean closed;
  private boolean stalled;

  Session(int number, Socket socket, Sessions owner) {
    this.number = number;
    this.socket = socket;
    this.owner = owner;
  }

  int number() {
    return number;
  }

  Socket socket() {
    return socket;
  }

  /** Replaces the accepted socket by the TLS socket layered over it. */
  void upgrade(Socket tlsSocket) {
    socket = tlsSocket;
  }

  /**
   * The channel over the (possibly upgraded) socket; its writer thread is
   * {@code rdb-writer-agent-N}, and a client that lets more than the channel's queue bound wait
   * for it is cut and counted in {@code clientsStalled}.
   */
  SessionChannel openChannel(int maxFrameBytes, Counters counters) throws IOException {
    StreamChannel stream = StreamChannel.over(socket, maxFrameBytes,
        StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "agent-" + number, writes -> {
          WatchedOutputStream watched = new WatchedOutputStream(writes);
          out = watched;
          return watched;
        });
    return new SessionChannel(stream, this, counters);
  }

  /** HELLO succeeded: the client is attached until the connection closes. */
  void attached(Connection c) {
    synchronized (this) {
      connection = c;
      if (closed) {
        return;
      }
      attached = true;
    }
    owner.attached(this);
  }

  /** The connection, once attached; null before. */
  Connection connection() {
    return connection;
  }

  /** How long the write in progress has been blocked; 0 when none. */
  long blockedNanos(long now) {
    WatchedOutputStream o = out;
    return o == null ? 0 : o.blockedNanos(now);
  }

  /**
   * Ends the session politely when possible: GOODBYE with {@code reason} unless a write is in
   * progress (then the peer may not be reading, and saying goodbye would wait behind it).
   */
  void end(String reason) {
    Connection c = connection;
    WatchedOutputStream o = out;
    if (c != null && (o == null || !o.writing())) {
      c.close(reason);
    }
    close();
  }

  /**
   * Marks the session as cut because its client stopped reading (the watchdog, or a send past the
   * channel's queue bound); returns true only the first time, so one client counts once.
   */
  synchronized boolean markStalled() {
    if (stalled) {
      return false;
    }
    stalled = true;
    return true;
  }

  /** Closes the socket at once (a blocked write fails) and leaves the registry; idempotent. */
  void close() {
    boolean wasAttached;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      wasAttached = attached;
    }
    try {
      socket.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing is all that is left to do; the socket is unusable either way.
    }
    owner.closed(this, wasAttached);
  }

  @Override
  public String toString() {
    return "Session[" + number + "]";
  }
}
