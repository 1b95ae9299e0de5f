package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that stops reading, over real loopback sockets with small buffers: the serving end's
 * workers queue their replies and go back to the pool, only the connection's writer thread waits
 * in a socket write, the connection is closed with the bytes queued once its queue bound is
 * passed, and other connections are not affected.
 */
class PeerThatStopsReadingTest {

  private static final int REQUESTS = 64;
  private static final int REPLY_CHARS = 100_000;

  /** The served root: each call runs on a worker and answers {@code chars} characters. */
  static final class Replies {
    public String chunk(int chars) {
      return "x".repeat(chars);
    }
  }

  private final Replies root = new Replies();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final ExecutorService callers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-caller");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    callers.shutdownNow();
  }

  @Test
  void repliesToAPeerThatStoppedReadingTieUpNoWorker() throws Exception {
    Pair stalled = pair("stalled", 64L * 1024 * 1024);
    stalled.gate.shut();
    List<Future<Object>> calls = callMany(stalled.client, REQUESTS);

    await("every request was run and its reply queued", () -> stalled.server.stats()
        .requestsServed() == REQUESTS && busyWorkers("stalled").isEmpty()
        && stalled.channel.queuedBytes() > 0, () -> threadDump("rdb-"));
    assertThat(busyWorkers("stalled")).as("workers still inside the connection").isEmpty();
    await("the writer thread, alone, waits for the peer in a socket write",
        () -> inSocketWrite("rdb-writer-stalled"), () -> threadDump("rdb-writer-stalled"));
    assertThat(stalled.server.isOpen()).as("a stalled peer within the bound stays connected")
        .isTrue();

    stalled.gate.open();
    for (Future<Object> call : calls) {
      assertThat((String) call.get(30, TimeUnit.SECONDS)).as("every reply arrives once the peer "
          + "reads again").hasSize(REPLY_CHARS);
    }
  }

  @Test
  void peerThatStopsReadingIsCutWithTheBytesQueuedOnceTheBoundIsPassed() throws Exception {
    long bound = 512 * 1024;
    Pair stalled = pair("overrun", bound);
    stalled.gate.shut();
    List<Future<Object>> calls = callMany(stalled.client, REQUESTS);

    await("the serving end closes the connection", () -> !stalled.server.isOpen(),
        () -> threadDump("rdb-"));
    ConnectionClosedException reason = stalled.server.closeReason().orElseThrow();
    assertThat(reason.closedBy()).isEqualTo(ConnectionClosedException.ClosedBy.CHANNEL);
    assertThat(reason.getMessage()).as("the reason names the bytes queued and the bound")
        .containsPattern("the peer is not reading: \\d+ bytes are queued for it and \\d+ more "
            + "would pass the limit of " + bound + " bytes");
    await("no worker is left inside the closed connection",
        () -> busyWorkers("overrun").isEmpty(), () -> threadDump("rdb-worker-overrun"));

    stalled.gate.open();
    for (Future<Object> call : calls) {
      assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
          .as("the stalled peer's calls fail once it reads again")
          .hasCauseInstanceOf(ConnectionClosedException.class);
    }
  }

  @Test
  void otherConnectionsAreServedWhileOnePeerStopsReading() throws Exception {
    Pair stalled = pair("stalled", 64L * 1024 * 1024);
    Pair other = pair("other", StreamChannel.DEFAULT_MAX_QUEUED_BYTES);
    stalled.gate.shut();
    callMany(stalled.client, REQUESTS);
    await("the stalled connection's writer is blocked", () -> inSocketWrite("rdb-writer-stalled"),
        () -> threadDump("rdb-"));

    for (int i = 0; i < 20; i++) {
      assertThat((String) other.client.root().call("chunk", REPLY_CHARS))
          .as("another connection's call " + i).hasSize(REPLY_CHARS);
    }
    assertThat(stalled.server.isOpen()).isTrue();
  }

  // ---------------------------------------------------------------- set-up

  /** A serving connection over a socket, and a client whose reads go through a gate. */
  private record Pair(Connection server, StreamChannel channel, Connection client,
      GatedInputStream gate) {}

  private Pair pair(String name, long maxQueuedBytes) throws Exception {
    LoopbackPair sockets = LoopbackPair.open();
    open.add(sockets);
    Socket serverSocket = sockets.writer();
    Socket clientSocket = sockets.reader();
    StreamChannel serverChannel = new StreamChannel(serverSocket.getInputStream(),
        serverSocket.getOutputStream(), StreamChannel.DEFAULT_MAX_FRAME_BYTES, maxQueuedBytes, name);
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> Connection.accept(
        serverChannel, ConnectionOptions.builder().token(Session.TOKEN).root(root)
            .policy(Policy.full()).name(name).build()));
    GatedInputStream gate = new GatedInputStream(clientSocket.getInputStream());
    Connection client = Connection.connect(new StreamChannel(gate, clientSocket.getOutputStream()),
        ConnectionOptions.builder().token(Session.TOKEN).name(name + "-client")
            .callTimeout(Duration.ofSeconds(60)).build());
    Connection s = server.get(10, TimeUnit.SECONDS);
    open.add(0, client);
    open.add(0, s);
    open.add(0, gate::open);
    return new Pair(s, serverChannel, client, gate);
  }

  private List<Future<Object>> callMany(Connection client, int n) {
    RemoteRef remote = client.root();
    List<Future<Object>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(callers.submit(() -> remote.call("chunk", REPLY_CHARS)));
    }
    return calls;
  }

  // ---------------------------------------------------------------- threads

  /** Worker threads of connection {@code name} that are inside the connection (not idle). */
  private static List<String> busyWorkers(String name) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("rdb-worker-" + name + "-"))
        .filter(e -> Arrays.stream(e.getValue())
            .anyMatch(f -> f.getClassName().startsWith(Connection.class.getName())))
        .map(e -> e.getKey().getName()).collect(Collectors.toList());
  }

  /** Whether the thread named {@code name} is blocked writing to a socket. */
  private static boolean inSocketWrite(String name) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals(name))
        .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().contains("write")
            && (f.getClassName().startsWith("java.net.Socket")
                || f.getClassName().startsWith("sun.nio.ch."))));
  }

  private static String threadDump(String prefix) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (e.getKey().getName().startsWith(prefix)) {
        b.append('\n').append(e.getKey().getName()).append(' ').append(e.getKey().getState());
        for (StackTraceElement f : e.getValue()) {
          b.append("\n    at ").append(f);
        }
      }
    }
    return b.toString();
  }

  private static void await(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what + state.get());
      }
      LockSupport.parkNanos(10_000_000);
    }
  }
}
