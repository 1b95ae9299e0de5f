package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.AuthenticationException;
import dev.rdb.core.Connection;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.StreamChannel;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad clients get nothing and cost the agent nothing: the next good client is served as before. */
class ListenerSecurityTest {

  /** Values that pack to 9 bytes each: a slice of 65,536 is a 590 KB reply. */
  private final long[] big = new Random(1).longs(1_000_000, Long.MAX_VALUE / 2, Long.MAX_VALUE).toArray();
  private final List<PostMortemView> postMortems = List.of(Crashes.divideByZero(1, big));
  private InProcessServer agent;

  @BeforeEach
  void start() throws Exception {
    agent = new InProcessServer("", () -> postMortems, new ListenerLimits(8, Duration.ofSeconds(3),
        Duration.ofMillis(800), 16 * 1024 * 1024));
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void wrongTokenIsRefusedAndTheAgentServesTheNextClient() throws Exception {
    assertThatThrownBy(() -> agent.connect("not-the-token"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("the server failed to prove it knows the token");
    assertGoodClientWorks();
    InProcessServer.await("failed handshake counted",
        () -> agent.counters.get(Counter.HANDSHAKES_FAILED) == 1);
  }

  @Test
  void garbageBeforeHelloClosesTheConnection() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0;
    garbage[1] = 0;
    try (Socket s = rawSocket()) {
      s.getOutputStream().write(garbage);
      assertClosedByAgent(s);
    }
    assertGoodClientWorks();
  }

  @Test
  void oversizeFrameIsRefusedBeforeAnythingIsAllocated() throws Exception {
    try (Socket s = rawSocket()) {
      s.getOutputStream().write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
      assertClosedByAgent(s);
    }
    assertGoodClientWorks();
  }

  @Test
  void nothingIsReachableWithoutHello() throws Exception {
    try (Socket s = rawSocket()) {
      StreamChannel channel = new StreamChannel(s.getInputStream(), s.getOutputStream());
      channel.send(List.of("CALL", 1L, List.of(java.util.Arrays.asList("call", List.of("Y", 1L),
          "postMortems", List.of(), null))));
      Object reply = channel.receive();
      assertThat(reply.toString()).startsWith("[REFUSED, protocol, expected HELLO");
      assertClosedByAgent(s);
    }
  }

  @Test
  void replayedHandshakeIsRefused() throws Exception {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    Socket recorded = rawSocket();
    OutputStream tee = new FilterOutputStream(recorded.getOutputStream()) {
      @Override
      public void write(int b) throws IOException {
        sent.write(b);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        sent.write(b, off, len);
        out.write(b, off, len);
      }
    };
    Connection good = Connection.connect(new StreamChannel(recorded.getInputStream(), tee),
        InProcessServer.clientOptions(agent.token()));
    assertThat(good.root().call("policy")).isEqualTo("readonly");
    good.close();

    try (Socket replay = rawSocket()) {
      replay.getOutputStream().write(sent.toByteArray());
      StreamChannel channel = new StreamChannel(replay.getInputStream(), OutputStream.nullOutputStream());
      assertThat(((List<?>) channel.receive()).get(0)).isEqualTo("CHALLENGE");
      Object refused = channel.receive();
      assertThat(refused.toString()).isEqualTo("[REFUSED, auth, bad token: the client's proof does not match]");
      assertClosedByAgent(replay);
    }
    assertGoodClientWorks();
  }

  @Test
  void silentClientIsDroppedAfterTheHandshakeTimeout() throws Exception {
    try (Socket s = rawSocket()) {
      assertClosedByAgent(s);
    }
    InProcessServer.await("failed handshake counted",
        () -> agent.counters.get(Counter.HANDSHAKES_FAILED) == 1);
  }

  @Test
  void clientsBeyondTheLimitAreClosedOnAccept() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        held.add(rawSocket());
      }
      InProcessServer.await("8 sessions open",
          () -> agent.server.listener().sessions().snapshot().size() == 8);
      try (Socket ninth = rawSocket()) {
        assertClosedByAgent(ninth);
      }
      assertThat(agent.counters.get(Counter.CLIENTS_REFUSED)).isEqualTo(1);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    InProcessServer.await("sessions gone", () -> agent.server.listener().sessions().snapshot().isEmpty());
    assertGoodClientWorks();
  }

  @Test
  void leavingOrKilledClientsFreeTheirReferences() throws Exception {
    assertThat(agent.gauge("exportedObjects")).isZero();
    List<Connection> clients = new ArrayList<>();
    // Held so that no handle is collected, and released by its client, before the count is read.
    List<Object> described = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Connection c = agent.connect();
      RemoteRef pm = (RemoteRef) c.root().call("postMortem", 1);
      Object frames = pm.get("frames");
      described.add(List.of(pm, frames, c.describe(List.of(frames), 3)));
      clients.add(c);
    }
    assertThat(agent.gauge("exportedObjects")).isGreaterThan(5 * 10);
    Reference.reachabilityFence(described);
    InProcessServer.await("five clients registered", () -> agent.gauge("clientsConnected") == 5);
    clients.get(0).close();
    for (Connection c : clients.subList(1, 4)) {
      agent.kill(c);
    }
    Connection midRequest = clients.get(4);
    RemoteRef bigRef = (RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) midRequest
        .root().call("postMortem", 1)).get("frames")).index(0)).get("locals")).index(4);
    Thread request = new Thread(() -> {
      try {
        ((RemoteRef) bigRef.get("value")).slice(0, 65536);
      } catch (RuntimeException expected) {
        // killed while the agent answers
      }
    }, "test-mid-request");
    request.start();
    agent.kill(midRequest);
    request.join(30_000);
    InProcessServer.await("every client's references freed",
        () -> agent.gauge("exportedObjects") == 0 && agent.gauge("clientsConnected") == 0);
  }

  @Test
  void clientThatFloodsAndStopsReadingIsCutByTheQueueBoundAndOthersAreServed() throws Exception {
    StalledClient client = stalledClient();
    GatedInputStream gate = client.gate();
    Connection stalled = client.connection();
    RemoteRef bigRef = client.bigRef();
    Connection other = agent.connect();

    gate.shut();
    // 40 replies of 590 KB: more than the 16 MiB a session's channel lets wait for its client.
    askForSlices(bigRef, 40, "test-flood");
    InProcessServer.await("the stalled client is cut",
        () -> agent.counters.get(Counter.CLIENTS_STALLED) == 1 && agent.gauge("clientsConnected") == 1,
        () -> agent.counters.snapshot() + " " + agent.server.listener().sessions().gauges()
            + dump());
    assertThat(workersInSocketWrite()).as("agent workers blocked writing to the client").isEmpty();
    assertThat(other.root().call("policy")).as("another client").isEqualTo("readonly");
    gate.open();
    InProcessServer.await("the stalled client learns it was dropped", () -> !stalled.isOpen());
  }

  @Test
  void clientThatStopsReadingAndAsksNothingMoreIsCutByTheWatchdog() throws Exception {
    StalledClient client = stalledClient();
    GatedInputStream gate = client.gate();
    Connection stalled = client.connection();
    RemoteRef bigRef = client.bigRef();
    Connection other = agent.connect();

    gate.shut();
    // 20 replies of 590 KB: within the 16 MiB queue bound, more than the sockets' buffers hold
    // (Linux lets a loopback send buffer grow to 4 MiB).
    askForSlices(bigRef, 20, "test-stall");
    InProcessServer.await("the agent's writer thread is blocked on the stalled client",
        () -> agent.server.listener().sessions().snapshot().stream()
            .anyMatch(s -> s.blockedNanos(System.nanoTime()) > 0)
            || agent.counters.get(Counter.CLIENTS_STALLED) > 0, ListenerSecurityTest::dump);
    assertThat(workersInSocketWrite()).as("agent workers blocked writing to the client").isEmpty();
    assertThat(other.root().call("policy")).as("another client during the stall").isEqualTo("readonly");
    InProcessServer.await("the watchdog cuts the stalled client",
        () -> agent.counters.get(Counter.CLIENTS_STALLED) == 1 && agent.gauge("clientsConnected") == 1,
        () -> agent.counters.snapshot() + " " + agent.server.listener().sessions().gauges()
            + dump());
    assertThat(other.root().call("policy")).isEqualTo("readonly");
    gate.open();
    InProcessServer.await("the stalled client learns it was dropped", () -> !stalled.isOpen());
  }

  @Test
  void tlsClientThatStopsReadingIsCutByTheWatchdogToo() throws Exception {
    try (InProcessServer tlsAgent = new InProcessServer("tls=on", () -> postMortems,
        new ListenerLimits(8, Duration.ofSeconds(3), Duration.ofMillis(800), 16 * 1024 * 1024))) {
      String fingerprint = (String) ServerTest.readJson(tlsAgent.agentFile()).get("fingerprint");
      Socket plain = new Socket();
      plain.setReceiveBufferSize(4096);
      plain.connect(new InetSocketAddress("127.0.0.1", tlsAgent.port()), 5000);
      javax.net.ssl.SSLSocket tls = ServerTlsTest.pinnedTls(plain, tlsAgent.port(), fingerprint);
      GatedInputStream gate = new GatedInputStream(tls.getInputStream());
      Connection stalled = Connection.connect(new StreamChannel(gate, tls.getOutputStream()),
          InProcessServer.clientOptions(tlsAgent.token()));
      RemoteRef bigRef = bigArray(stalled);
      Connection other = ServerTlsTest.connectPinned(tlsAgent, fingerprint);

      gate.shut();
      askForSlices(bigRef, 20, "test-tls-stall");
      InProcessServer.await("the watchdog cuts the stalled TLS client and its session ends",
          () -> tlsAgent.counters.get(Counter.CLIENTS_STALLED) == 1
              && tlsAgent.gauge("clientsConnected") == 1,
          () -> tlsAgent.counters.snapshot() + " " + tlsAgent.server.listener().sessions().gauges()
              + dump());
      assertThat(other.root().call("policy")).as("another TLS client").isEqualTo("readonly");
      gate.open();
      InProcessServer.await("the stalled client learns it was dropped", () -> !stalled.isOpen());
      other.close();
    }
  }

  /** A socket to the agent with a small receive buffer, so a client that stops reading fills it. */
  private Socket stalledSocket() throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", agent.port()), 5000);
    return socket;
  }

  /** The post-mortem's {@code long[1_000_000]} local. */
  private static RemoteRef bigArray(Connection c) {
    RemoteRef frame = (RemoteRef) ((RemoteRef) ((RemoteRef) c.root().call("postMortem", 1))
        .get("frames")).index(0);
    return (RemoteRef) ((RemoteRef) ((RemoteRef) frame.get("locals")).index(4)).get("value");
  }

  /** Agent worker threads whose stack waits in a socket write. */
  private static List<String> workersInSocketWrite() {
    List<String> names = new ArrayList<>();
    Thread.getAllStackTraces().forEach((t, st) -> {
      if (t.getName().startsWith("rdb-worker-agent-") && java.util.Arrays.stream(st)
          .anyMatch(f -> SocketWrites.waitsForThePeer(f.toString()))) {
        names.add(t.getName());
      }
    });
    return names;
  }

  @Test
  void slowClientIsServedNotDropped() throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", agent.port()), 5000);
    InputStream slow = new java.io.FilterInputStream(socket.getInputStream()) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        return super.read(b, off, Math.min(len, 16 * 1024));
      }
    };
    Connection c = Connection.connect(new StreamChannel(slow, socket.getOutputStream()),
        InProcessServer.clientOptions(agent.token()));
    RemoteRef bigRef = (RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) c.root()
        .call("postMortem", 1)).get("frames")).index(0)).get("locals")).index(4);
    RemoteRef array = (RemoteRef) bigRef.get("value");
    for (int i = 0; i < 3; i++) {
      List<Object> slice = array.slice(i * 65536, (i + 1) * 65536);
      assertThat(slice).hasSize(65536);
      assertThat(slice.get(0)).isEqualTo(big[i * 65536]);
    }
    assertThat(agent.counters.get(Counter.CLIENTS_STALLED)).as("a slow reader is not a stalled one")
        .isZero();
    c.close();
  }

  private static String dump() {
    StringBuilder b = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, st) -> {
      if (t.getName().startsWith("rdb-")) {
        b.append("\n").append(t.getName()).append(" ").append(t.getState());
        for (int i = 0; i < Math.min(6, st.length); i++) {
          b.append("\n   ").append(st[i]);
        }
      }
    });
    return b.toString();
  }

  private void assertGoodClientWorks() throws Exception {
    Connection c = agent.connect();
    RemoteRef pm = (RemoteRef) c.root().call("postMortem", 1);
    assertThat(pm.get("message")).isEqualTo("/ by zero");
    c.close();
  }

  private Socket rawSocket() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", agent.port()), 5000);
    s.setSoTimeout(20_000);
    return s;
  }

  /** Reads until the agent closes the socket (EOF or reset). */
  private static void assertClosedByAgent(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // drain what the agent says before closing (REFUSED)
      }
    } catch (java.net.SocketException reset) {
      // A reset is a close too.
    }
  }

  /** A client over a small-buffer socket whose reads go through a gate, holding a big array. */
  private record StalledClient(GatedInputStream gate, Connection connection, RemoteRef bigRef) {}

  private StalledClient stalledClient() throws Exception {
    Socket socket = stalledSocket();
    GatedInputStream gate = new GatedInputStream(socket.getInputStream());
    Connection connection = Connection.connect(new StreamChannel(gate, socket.getOutputStream()),
        InProcessServer.clientOptions(agent.token()));
    return new StalledClient(gate, connection, bigArray(connection));
  }

  /**
   * Asks {@code n} times, each on its own daemon thread, for a 590 KB slice of {@code bigRef},
   * without reading the replies: the calls fail when the agent drops the client.
   */
  private static void askForSlices(RemoteRef bigRef, int n, String threadName) {
    for (int i = 0; i < n; i++) {
      Thread request = new Thread(() -> {
        try {
          bigRef.slice(0, 65536);
        } catch (RuntimeException expected) {
          // The agent drops this client: its calls fail.
        }
      }, threadName + "-" + i);
      request.setDaemon(true);
      request.start();
    }
  }
}
