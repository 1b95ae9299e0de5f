package dev.rdb.agent.serve;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.RdbException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * Accepts clients and gives each its own rdb-core {@link Connection} (so its own references, freed
 * when it leaves). Threads, all daemons: {@code rdb-listener} accepts; {@code rdb-handshake-N} runs
 * one client's TLS handshake and HELLO, then ends (rdb-core's reader, workers and the channel's
 * writer take over). Workers never wait for a client: they write a reply only as far as the
 * non-blocking socket takes it at once (plain TCP) and queue the rest on the session's channel,
 * whose writer thread ({@code rdb-writer-agent-N}) alone waits to write, and a client that lets the
 * queue pass its bound is cut at once. {@code rdb-watchdog} closes the socket
 * of a client whose write stayed blocked past {@link ListenerLimits#writeStall()} while the queue
 * stayed within bound (it stopped reading and asks nothing more), which frees that writer
 * thread. No other client or application thread ever waits for it (they share no lock with it).
 */
final class Listener implements AutoCloseable {

  private static final int ACCEPT_POLL_MILLIS = 1000;
  /** How long closing a TLS session waits for a blocked write before it shuts the output. */
  private static final int TLS_CLOSE_LINGER_SECONDS = 1;

  private final ServerSocket server;
  private final ServerTls tls;
  private final ConnectionOptions options;
  private final ListenerLimits limits;
  private final Counters counters;
  private final Sessions sessions;
  private final AtomicInteger numbers = new AtomicInteger();
  private final ScheduledExecutorService watchdog;
  private volatile boolean closed;

  private Listener(ServerSocket server, ServerTls tls, ConnectionOptions options,
      ListenerLimits limits, Counters counters, Sessions sessions) {
    this.server = server;
    this.tls = tls;
    this.options = options;
    this.limits = limits;
    this.counters = counters;
    this.sessions = sessions;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread t = new Thread(runnable, "rdb-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Binds {@code host:port} (port 0: a free one). Throws when the address cannot be bound; nothing
   * runs until {@link #start()}.
   *
   * @param tls null for plain TCP
   * @param options root, token, policy and redaction every session gets
   */
  static Listener bind(String host, int port, ServerTls tls, ConnectionOptions options,
      ListenerLimits limits, Counters counters, Sessions sessions) throws IOException {
    // A channel's socket: accepted sockets then have channels, which rdb-core writes without a
    // thread hand-off while the client keeps up (TLS layers a blocking socket over one).
    ServerSocket server = ServerSocketChannel.open().socket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
      server.setSoTimeout(ACCEPT_POLL_MILLIS);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return new Listener(server, tls, options, limits, counters, sessions);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  Sessions sessions() {
    return sessions;
  }

  void start() {
    Thread accept = new Thread(this::acceptLoop, "rdb-listener");
    accept.setDaemon(true);
    accept.start();
    long period = Math.max(50, limits.writeStall().toMillis() / 4);
    watchdog.scheduleWithFixedDelay(this::checkStalls, period, period, TimeUnit.MILLISECONDS);
  }

  /** Stops accepting and ends every session with {@code reason}. */
  void close(String reason) {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // The accept loop ends either way once closed is set.
    }
    for (Session s : sessions.snapshot()) {
      s.end(reason);
    }
    watchdog.shutdownNow();
  }

  @Override
  public void close() {
    close("the agent stopped listening");
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        acceptOne();
      } catch (Throwable t) {
        // Out of memory in the target is the usual case (an allocation in accept, in the session,
        // in this handler): a daemon that dies prints to the application's stderr, so count and go on.
        if (closed) {
          return;
        }
        counters.error(Counter.SERVE_ERROR, "accept", t);
        pause();
      }
    }
  }

  private void acceptOne() {
    Socket socket;
    try {
      socket = server.accept();
    } catch (SocketTimeoutException e) {
      return;
    } catch (IOException e) {
      if (!closed) {
        counters.error(Counter.SERVE_ERROR, "accept", e);
        pause();
      }
      return;
    }
    counters.add(Counter.CLIENTS_ACCEPTED);
    Session session = new Session(numbers.incrementAndGet(), socket, sessions);
    if (!sessions.tryAdd(session, limits.maxClients())) {
      counters.add(Counter.CLIENTS_REFUSED);
      session.close();
      return;
    }
    try {
      Thread handshake = new Thread(() -> handshake(session), "rdb-handshake-" + session.number());
      handshake.setDaemon(true);
      handshake.start();
    } catch (Throwable t) {
      counters.error(Counter.SERVE_ERROR, "starting a handshake thread", t);
      session.close();
    }
  }

  /** Keeps a failing accept (out of file descriptors) from spinning. */
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handshake(Session session) {
    try {
      Socket socket = session.socket();
      socket.setKeepAlive(true);
      socket.setSoTimeout((int) limits.handshake().toMillis());
      if (tls != null) {
        // Closing a TLS socket first takes the record lock, which a write blocked on a client that
        // stopped reading holds for good: without a linger the watchdog (or whoever closes) would
        // wait forever. With one, it waits this long, then shuts the output, failing that write.
        socket.setSoLinger(true, TLS_CLOSE_LINGER_SECONDS);
        SSLSocket secure = (SSLSocket) tls.context().getSocketFactory()
            .createSocket(socket, null, true);
        secure.setUseClientMode(false);
        secure.setEnabledProtocols(ServerTls.PROTOCOLS);
        session.upgrade(secure);
        secure.startHandshake();
      }
      // From here rdb-core bounds HELLO by the call timeout, and an attached client may be idle.
      session.socket().setSoTimeout(0);
      SessionChannel channel = session.openChannel(limits.maxFrameBytes(), counters);
      Connection connection = Connection.accept(channel,
          options.toBuilder().name("agent-" + session.number()).build());
      session.attached(connection);
    } catch (RdbException | IOException | GeneralSecurityException e) {
      counters.add(Counter.HANDSHAKES_FAILED);
      session.close();
    } catch (Throwable t) {
      counters.error(Counter.SERVE_ERROR, "handshake", t);
      session.close();
    }
  }

  private void checkStalls() {
    try {
      long now = System.nanoTime();
      long limit = limits.writeStall().toNanos();
      for (Session s : sessions.snapshot()) {
        if (s.blockedNanos(now) > limit) {
          if (s.markStalled()) {
            counters.add(Counter.CLIENTS_STALLED);
          }
          s.close();
        }
      }
    } catch (Throwable t) {
      counters.error(Counter.SERVE_ERROR, "watchdog", t);
    }
  }
}
