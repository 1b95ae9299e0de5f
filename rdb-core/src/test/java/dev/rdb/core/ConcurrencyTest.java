package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many callers at once, timeouts, and what pending calls see when the connection ends. */
class ConcurrencyTest {

  /** A server object whose {@code await} blocks until the test releases it. */
  public static final class Gate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final int[] values = new int[1000];

    Gate() {
      for (int i = 0; i < values.length; i++) {
        values[i] = i * 3;
      }
    }

    public int await() throws InterruptedException {
      entered.countDown();
      release.await(60, TimeUnit.SECONDS);
      return 1;
    }

    public int triple(int i) {
      return values[i];
    }
  }

  private static Session open(Gate gate, Duration timeout) {
    return Session.open(ConnectionOptions.builder().token(Session.TOKEN).root(gate)
        .policy(Policy.full()).name("server").build(),
        ConnectionOptions.builder().token(Session.TOKEN).callTimeout(timeout).name("client")
            .build());
  }

  @Test
  void manyThreadsCallAtOnceOverOneConnection() throws Exception {
    Gate gate = new Gate();
    try (Session s = open(gate, Duration.ofSeconds(30))) {
      RemoteRef root = s.client().root();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            int index = (offset * 200 + i) % 1000;
            if (!Integer.valueOf(index * 3).equals(root.call("triple", index))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).as("every reply matched its call").isTrue();
      }
      pool.shutdown();
      assertThat(s.server().stats().requestsServed()).isGreaterThanOrEqualTo(3200);
    }
  }

  @Test
  void aCallWithoutReplyTimesOutAndTheConnectionKeepsWorking() {
    Gate gate = new Gate();
    try (Session s = open(gate, Duration.ofSeconds(2))) {
      RemoteRef root = s.client().root();
      assertThatThrownBy(() -> root.call("await")).isInstanceOf(CallTimeoutException.class)
          .hasMessage("'call' got no reply within 2000 ms");
      gate.release.countDown();
      assertThat(root.call("triple", 2)).isEqualTo(6);
    }
  }

  @Test
  void peerClosingFailsEveryPendingCallWithItsReason() throws Exception {
    Gate gate = new Gate();
    Session s = open(gate, Duration.ofSeconds(30));
    RemoteRef root = s.client().root();
    CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> root.call("await"));
    assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    s.server().close("agent shutting down");
    assertThat(catchCause(pending)).isInstanceOf(ConnectionClosedException.class)
        .hasMessage("connection closed by peer: agent shutting down")
        .satisfies(e -> assertThat(((ConnectionClosedException) e).closedBy())
            .isEqualTo(ConnectionClosedException.ClosedBy.PEER));
    gate.release.countDown();
  }

  @Test
  void brokenChannelFailsEveryPendingCallSayingSo() throws Exception {
    Gate gate = new Gate();
    Session s = open(gate, Duration.ofSeconds(30));
    RemoteRef root = s.client().root();
    CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> root.call("await"));
    assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    s.serverChannel().close();
    Throwable failure = catchCause(pending);
    assertThat(failure).isInstanceOf(ConnectionClosedException.class)
        .hasMessageStartingWith("connection lost: peer ended the channel without GOODBYE");
    gate.release.countDown();
    s.close();
  }

  @Test
  void callsAfterCloseFailAtOnceWithTheReason() {
    Gate gate = new Gate();
    Session s = open(gate, Duration.ofSeconds(30));
    RemoteRef root = s.client().root();
    s.client().close("done");
    assertThatThrownBy(() -> root.call("triple", 1)).isInstanceOf(ConnectionClosedException.class)
        .hasMessage("connection closed by this end: done");
    assertThat(s.client().closeReason()).isPresent();
    s.close();
  }

  private static Throwable catchCause(CompletableFuture<?> future) throws Exception {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the pending call to fail");
  }
}
