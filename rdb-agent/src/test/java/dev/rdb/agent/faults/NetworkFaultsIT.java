package dev.rdb.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.agent.serve.GatedInputStream;
import dev.rdb.agent.serve.SocketWrites;
import dev.rdb.core.Batch;
import dev.rdb.core.CallTimeoutException;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionClosedException;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Description;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.StreamChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults on the debugger's side of a real target JVM that runs a workload and throws: many clients,
 * a client JVM killed mid-request, a link cut under a pending call, a client that stops reading. One target serves every test;
 * each test ends with the agent back to one client (the one reading the counters) holding only its
 * root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkFaultsIT {

  private static final int CLIENTS = 32;
  private static final int ROUNDS = 4;
  private FaultTarget target;

  @BeforeAll
  void start() throws Exception {
    target = new FaultTarget("includes=faults.*,port=0");
    target.run("crash", "crashed");
    target.run("work", "working");
  }

  @AfterAll
  void stop() throws Exception {
    try {
      assertThat(target.counter("serveError")).as("serveError").isZero();
      assertThat(target.counter("bridgeError")).as("bridgeError").isZero();
      assertThat(target.counter("handshakesFailed")).as("handshakesFailed").isZero();
    } finally {
      target.close();
    }
  }

  @Test
  void thirtyTwoClientsNavigateAndFetchWholeGraphsWhileTheTargetWorks() throws Exception {
    long alone = target.rate(1000);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch firstRound = new CountDownLatch(CLIENTS);
    List<Future<Integer>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(pool.submit(() -> debug(firstRound)));
    }
    assertThat(firstRound.await(120, TimeUnit.SECONDS)).as("every client did one round").isTrue();
    long during = target.rate(1000);
    int checked = 0;
    for (Future<Integer> f : clients) {
      checked += f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    System.out.printf("NetworkFaultsIT: workload %d steps/s alone, %d steps/s with %d clients%n",
        alone, during, CLIENTS);
    assertThat(checked).isEqualTo(CLIENTS * ROUNDS * 3);
    assertBackToOneIdleClient();
    assertThat(target.counter("clientsStalled")).as("no client was cut").isZero();
    assertThat(target.rate(200)).as("the workload still runs").isPositive();
  }

  @Test
  void killedClientJvmFreesItsReferencesAndOthersGoOn() throws Exception {
    Connection other = target.attach();
    RemoteRef order = (RemoteRef) CrashLocals.value(other, "order");
    Process greedy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", FaultTarget.clientClassPath(), GreedyClient.class.getName(),
        Integer.toString(target.port()), target.token()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(greedy.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the greedy client's batches run").isEqualTo("in flight");
      assertThat(target.counter("exportedObjects")).as("the greedy client holds references")
          .isGreaterThan(10);
    } finally {
      greedy.destroyForcibly();
      assertThat(greedy.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(((RemoteRef) order.get("lines")).length()).as("another client goes on").isEqualTo(50);
    other.close();
    assertBackToOneIdleClient();
    target.run("ping", "pong");
    assertThat(target.rate(200)).as("the workload still runs").isPositive();
  }

  @Test
  void pendingCallFailsPromptlyWhenTheLinkIsCutAtTheAgent() throws Exception {
    try (Relay relay = new Relay(target.port())) {
      Connection c = target.attach(relay.clientSocket());
      CompletableFuture<Object> pending = pendingCall(c, relay);
      long cut = System.nanoTime();
      relay.cutAtAgent();
      assertFailsPromptly(pending, cut, "peer ended the channel without GOODBYE");
    }
    assertBackToOneIdleClient();
  }

  @Test
  void pendingCallFailsPromptlyWhenTheClientsSocketIsClosedUnderIt() throws Exception {
    try (Relay relay = new Relay(target.port())) {
      Connection c = target.attach(relay.clientSocket());
      CompletableFuture<Object> pending = pendingCall(c, relay);
      long cut = System.nanoTime();
      relay.clientSocket().close();
      assertFailsPromptly(pending, cut, "channel failed");
    }
    assertBackToOneIdleClient();
  }

  @Test
  void clientThatFloodsAndStopsReadingIsCutByTheQueueBoundWithNoWorkerBlocked() throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", target.port()), 5000);
    // Calls give up after 300 ms, so the flooder keeps asking while it does not read: its replies
    // (65 KB each) pile up in the agent until they pass the session's 16 MiB queue bound.
    GatedInputStream gate = new GatedInputStream(socket.getInputStream());
    Connection flooder = Connection.connect(new StreamChannel(gate, socket.getOutputStream()),
        ConnectionOptions.builder().token(target.token()).name("flooder")
            .callTimeout(Duration.ofMillis(300)).build());
    RemoteRef ledger = (RemoteRef) CrashLocals.value(flooder, "ledger");
    Connection other = target.attach();
    gate.shut();
    long shut = System.nanoTime();
    ExecutorService flood = Executors.newFixedThreadPool(64);
    for (int i = 0; i < 64; i++) {
      flood.execute(() -> {
        while (flooder.isOpen()) {
          try {
            ledger.slice(0, 65536);
          } catch (CallTimeoutException stillStalled) {
            // ask again
          } catch (RuntimeException cut) {
            return;
          }
        }
      });
    }
    AgentThreads seen = new AgentThreads();
    try {
      FaultTarget.await("the agent cuts the flooder", () -> {
        try {
          seen.add(agentThreads(other));
          return target.counter("clientsStalled") == 1;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long cutMillis = (System.nanoTime() - shut) / 1_000_000;
      long during = target.rate(500);
      System.out.printf("NetworkFaultsIT: a client that floods and stops reading was cut %d ms "
          + "after it stopped reading; while it stalled: at most %d agent worker threads, %d of "
          + "them ever seen in a socket write, its writer thread seen blocked in a socket write: "
          + "%b; workload %d steps/s%n", cutMillis, seen.maxWorkers, seen.workersInWrite.size(),
          seen.writerInWrite, during);
      assertThat(seen.workersInWrite).as("agent worker threads seen blocked in a socket write")
          .isEmpty();
      assertThat(during).as("the workload runs").isPositive();
      assertThat(((RemoteRef) ((RemoteRef) CrashLocals.value(other, "order")).get("lines")).length())
          .as("another client is served").isEqualTo(50);
    } finally {
      gate.open();
      flood.shutdown();
    }
    FaultTarget.await("the flooder learns it was cut", () -> !flooder.isOpen());
    assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).as("the flood threads end").isTrue();
    other.close();
    assertBackToOneIdleClient();
    assertThat(target.rate(200)).as("the workload still runs").isPositive();
  }

  /** What the agent's session threads were seen doing, over several looks. */
  private static final class AgentThreads {
    long maxWorkers;
    final Set<String> workersInWrite = new TreeSet<>();
    boolean writerInWrite;

    void add(List<Description> threads) {
      long workers = 0;
      for (Description t : threads) {
        String name = (String) t.field("name").orElseThrow().value();
        boolean inWrite = t.field("stack").orElseThrow().description().elements().stream()
            .anyMatch(f -> SocketWrites.waitsForThePeer((String) f.value()));
        if (name.startsWith("rdb-worker-agent-")) {
          workers++;
          if (inWrite) {
            workersInWrite.add(name);
          }
        } else if (name.startsWith("rdb-writer-agent-") && inWrite) {
          writerInWrite = true;
        }
      }
      maxWorkers = Math.max(maxWorkers, workers);
    }
  }

  /** The target's threads, their names and stacks described. */
  private static List<Description> agentThreads(Connection c) {
    Batch b = c.batch();
    Batch.Step<List<Description>> d =
        b.describe(List.of(b.call(c.root(), "threads")), 3, 1000, 400);
    b.execute();
    return d.value().get(0).elements().stream().map(Description.Element::description)
        .collect(Collectors.toList());
  }

  /** A call whose reply the relay holds back, once it was sent. */
  private static CompletableFuture<Object> pendingCall(Connection c, Relay relay) {
    RemoteRef root = c.root();
    assertThat(root.call("policy")).isEqualTo("readonly");
    long sent = c.stats().roundTrips();
    relay.holdReplies();
    CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> root.call("postMortems"),
        runnable -> {
          Thread t = new Thread(runnable, "test-pending-call");
          t.setDaemon(true);
          t.start();
        });
    FaultTarget.await("the call is sent", () -> c.stats().roundTrips() > sent);
    assertThat(pending).as("the reply is held back").isNotDone();
    return pending;
  }

  private static void assertFailsPromptly(CompletableFuture<Object> pending, long cutNanos,
      String reason) {
    assertThatThrownBy(() -> pending.get(25, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(ConnectionClosedException.class)
        .hasMessageContaining("connection lost: " + reason);
    long millis = (System.nanoTime() - cutNanos) / 1_000_000;
    System.out.printf("NetworkFaultsIT: pending call failed %d ms after the cut (%s)%n", millis,
        reason);
    assertThat(millis).as("failed long before the 30 s call timeout").isLessThan(10_000);
  }

  /** One client per round of: list, where, locals, an expression batch, the whole crash graph. */
  private int debug(CountDownLatch firstRound) throws Exception {
    int checked = 0;
    try (Connection c = target.attach()) {
      for (int round = 0; round < ROUNDS; round++) {
        assertThat(postMortemIds(c)).contains(1);
        Description frame = frame(c);
        assertThat(frame.field("className").orElseThrow().value()).isEqualTo("faults.Shop");
        assertThat(frame.field("methodName").orElseThrow().value()).isEqualTo("settle");
        Map<String, Object> locals = locals(frame);
        assertThat(locals).containsEntry("total", 1275).containsEntry("label", "ann owes 1275");
        checked++;

        Batch b = c.batch();
        Batch.Step<Object> lines = b.get(locals.get("order"), "lines");
        Batch.Step<Object> price = b.get(b.index(lines, 49), "price");
        Batch.Step<Object> size = b.call(lines, "size");
        Batch.Step<Integer> ledger = b.length(locals.get("ledger"));
        b.execute();
        assertThat(price.value()).isEqualTo(50);
        assertThat(size.value()).isEqualTo(50);
        assertThat(ledger.value()).isEqualTo(1_000_000);
        checked++;

        assertThat(wholeOrderTotal(c)).as("the order's lines summed from the whole graph")
            .isEqualTo(1275);
        checked++;
        if (round == 0) {
          firstRound.countDown();
        }
      }
    }
    return checked;
  }

  private static List<Integer> postMortemIds(Connection c) {
    Batch b = c.batch();
    Batch.Step<List<Description>> d = b.describe(List.of(b.call(c.root(), "postMortems")), 2);
    b.execute();
    List<Integer> ids = new ArrayList<>();
    for (Description.Element e : d.value().get(0).elements()) {
      ids.add((Integer) e.description().field("id").orElseThrow().value());
    }
    return ids;
  }

  /** The innermost frame of the crash with its locals: {@code where} and {@code locals}, one round trip. */
  private static Description frame(Connection c) {
    Batch b = c.batch();
    Batch.Step<Object> frame = b.index(b.get(b.call(c.root(), "postMortem", 1), "frames"), 0);
    Batch.Step<List<Description>> d = b.describe(List.of(frame), 3);
    b.execute();
    return d.value().get(0);
  }

  private static Map<String, Object> locals(Description frame) {
    Map<String, Object> locals = new LinkedHashMap<>();
    for (Description.Element e : frame.field("locals").orElseThrow().description().elements()) {
      Description local = e.description();
      locals.put((String) local.field("name").orElseThrow().value(),
          local.field("value").orElseThrow().value());
    }
    return locals;
  }

  /** Fetches every local of the crash with what it reaches (six levels) and sums the order. */
  private static int wholeOrderTotal(Connection c) {
    Batch b = c.batch();
    Batch.Step<Object> locals = b.get(b.index(b.get(b.call(c.root(), "postMortem", 1), "frames"),
        0), "locals");
    Batch.Step<List<Description>> graph = b.describe(List.of(locals), 6, 100, 200);
    b.execute();
    int total = 0;
    for (Description.Element e : graph.value().get(0).elements()) {
      Description local = e.description();
      if ("order".equals(local.field("name").orElseThrow().value())) {
        Description order = local.field("value").orElseThrow().description();
        Description lines = order.field("lines").orElseThrow().description();
        for (Description.Element line : lines.elements()) {
          Description tags = line.description().field("tags").orElseThrow().description();
          assertThat(tags.length()).hasValue(1);
          total += (Integer) line.description().field("price").orElseThrow().value();
        }
      }
    }
    return total;
  }

  /** Only the client reading the counters is attached, holding only the root. */
  private void assertBackToOneIdleClient() {
    FaultTarget.await("the agent is back to one client holding its root", () -> {
      try (Connection c = target.attach()) {
        RemoteRef counters = (RemoteRef) c.root().call("counters");
        return counters.index("clientsConnected").equals(1L)
            && counters.index("exportedObjects").equals(1L);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
