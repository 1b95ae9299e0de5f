package dev.rdb.agent.serve;

import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.StreamChannel;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real listener on a loopback port inside the test JVM, over hand-made post-mortems, with its
 * agent file in a temporary home; and real clients (rdb-core over TCP) to talk to it.
 */
final class InProcessServer implements AutoCloseable {

  final Path home;
  final Counters counters = new Counters();
  final Server server;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Connection> clients = new CopyOnWriteArrayList<>();
  private final Map<Connection, Socket> sockets = new ConcurrentHashMap<>();

  InProcessServer(String options, Supplier<List<PostMortemView>> postMortems) throws Exception {
    this(options, postMortems, ListenerLimits.DEFAULTS);
  }

  InProcessServer(String options, Supplier<List<PostMortemView>> postMortems, ListenerLimits limits)
      throws Exception {
    home = Files.createTempDirectory("rdb-home");
    ServeOptions.Builder b = ServeOptions.builder().set("port", "0");
    if (!options.isEmpty()) {
      for (String kv : options.split(",")) {
        int eq = kv.indexOf('=');
        b.set(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    server = Server.open(b.build(), postMortems, () -> new Class<?>[] {String.class, Runtime.class},
        counters, "com.acme.Main", limits, home.toString(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    server.listener().start();
  }

  int port() {
    return server.listener().address().getPort();
  }

  Path agentFile() {
    return AgentFile.pathFor(home.toString(), ProcessHandle.current().pid());
  }

  String token() throws IOException {
    String json = Files.readString(agentFile());
    int start = json.indexOf("\"token\" : \"") + 11;
    return json.substring(start, json.indexOf('"', start));
  }

  Connection connect() throws Exception {
    return connect(token());
  }

  Connection connect(String token) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
    Connection c = track(Connection.connect(StreamChannel.over(socket), clientOptions(token)));
    sockets.put(c, socket);
    return c;
  }

  /** Closes a client's socket without GOODBYE, as a killed process would. */
  void kill(Connection client) throws IOException {
    sockets.get(client).close();
  }

  /** A client whose received bytes are all copied into {@code received}. */
  Connection connectRecording(ByteArrayOutputStream received) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
    InputStream in = new FilterInputStream(socket.getInputStream()) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          synchronized (received) {
            received.write(b);
          }
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          synchronized (received) {
            received.write(buf, off, n);
          }
        }
        return n;
      }
    };
    return track(Connection.connect(new StreamChannel(in, socket.getOutputStream()),
        clientOptions(token())));
  }

  static ConnectionOptions clientOptions(String token) {
    return ConnectionOptions.builder().token(token).name("test-client")
        .callTimeout(Duration.ofSeconds(20)).build();
  }

  private Connection track(Connection c) {
    clients.add(c);
    return c;
  }

  /** Polls {@code condition} until it holds or 20 s pass. */
  static void await(String what, BooleanSupplier condition) {
    await(what, condition, () -> "");
  }

  /** As {@link #await(String, BooleanSupplier)}, failing with {@code state} in the message. */
  static void await(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what + " " + state.get());
      }
      LockSupport.parkNanos(10_000_000);
    }
  }

  long gauge(String name) {
    return server.listener().sessions().gauges().get(name);
  }

  @Override
  public void close() {
    clients.forEach(Connection::close);
    server.close("test over");
  }
}
