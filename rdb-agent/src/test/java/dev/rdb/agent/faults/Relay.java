package dev.rdb.agent.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The network between one client and the agent, as a TCP relay the test controls: it can hold the
 * agent's replies (so a call stays pending) and cut either leg. A cut closes both legs, as a
 * broken link looks to both ends.
 */
final class Relay implements AutoCloseable {

  private final Socket toAgent;
  private final Socket toClient;
  private final Socket client;
  private volatile CountDownLatch replies = new CountDownLatch(0);

  /** Connects a client socket through a new relay to the agent on {@code agentPort}. */
  Relay(int agentPort) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      client = new Socket();
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
          listener.getLocalPort()), 5000);
      listener.setSoTimeout(5000);
      toClient = listener.accept();
    }
    toAgent = new Socket();
    toAgent.connect(new InetSocketAddress("127.0.0.1", agentPort), 5000);
    pump(toClient, toAgent, false, "test-relay-requests");
    pump(toAgent, toClient, true, "test-relay-replies");
  }

  /** The client's end of the link. */
  Socket clientSocket() {
    return client;
  }

  /** From now on, bytes from the agent are kept back (the reply to a call never arrives). */
  void holdReplies() {
    replies = new CountDownLatch(1);
  }

  /** The link breaks at the agent's leg: the agent's socket closes, then the client's. */
  void cutAtAgent() throws IOException {
    toAgent.close();
    toClient.close();
  }

  private void pump(Socket from, Socket to, boolean held, String name) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (held && !replies.await(120, TimeUnit.SECONDS)) {
            break;
          }
          out.write(buffer, 0, n);
        }
      } catch (IOException | InterruptedException e) {
        // A leg was cut: the other goes too.
      }
      closeQuietly(from);
      closeQuietly(to);
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Closing a cut link: nothing else to do.
    }
  }

  @Override
  public void close() {
    replies.countDown();
    closeQuietly(client);
    closeQuietly(toClient);
    closeQuietly(toAgent);
  }
}
