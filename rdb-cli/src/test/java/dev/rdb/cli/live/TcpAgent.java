package dev.rdb.cli.live;

import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Policy;
import dev.rdb.core.StreamChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A fake agent on a real loopback socket: rdb-core's server side over TCP (and TLS when given an
 * {@link SSLContext}) exporting {@link FakeAgent#sample()}, for tests of the commands that connect.
 */
public final class TcpAgent implements AutoCloseable {
  private final ServerSocket server;
  private final SSLContext tls;
  private final ConnectionOptions options;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private TcpAgent(ServerSocket server, SSLContext tls, ConnectionOptions options) {
    this.server = server;
    this.tls = tls;
    this.options = options;
    this.acceptor = new Thread(this::accept, "test-agent-accept");
    this.acceptor.setDaemon(true);
  }

  /** Listens on a free loopback port; {@code tls} null for plain TCP. */
  public static TcpAgent start(String token, SSLContext tls) throws IOException {
    return start(token, tls, FakeAgent.sample());
  }

  /** Listens on a free loopback port, exporting {@code root}. */
  public static TcpAgent start(String token, SSLContext tls, FakeAgent.Root root) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Policy policy = Policy.readOnly().toBuilder().allow(Policy.Action.CALL, FakeAgent.Root.class.getName(), "*").build();
    TcpAgent agent = new TcpAgent(server, tls, ConnectionOptions.builder().token(token).root(root)
        .policy(policy).name("test-agent").build());
    agent.acceptor.start();
    return agent;
  }

  public int port() {
    return server.getLocalPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread session = new Thread(() -> serve(socket), "test-agent-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      Socket channelSocket = socket;
      if (tls != null) {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        channelSocket = secure;
      }
      connections.add(Connection.accept(StreamChannel.over(channelSocket), options));
    } catch (IOException | RuntimeException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // The client went away or was refused; the test asserts on the client's side.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Connection c : connections) {
      c.close("the test agent stopped");
    }
  }
}
