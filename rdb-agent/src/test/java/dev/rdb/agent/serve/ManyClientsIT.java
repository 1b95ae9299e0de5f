package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.core.Connection;
import dev.rdb.core.Redacted;
import dev.rdb.core.RemoteRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 32 debuggers navigate at once while the target throws; each sees correct data, none leaks. */
class ManyClientsIT {

  private static final int CLIENTS = 32;
  private static final int ROUNDS = 10;

  static List<String> javaHomes() {
    return LiveTarget.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void thirtyTwoClientsNavigateWhileTheTargetThrows(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0,keep=5000")) {
      target.run("crash", "crashed");
      target.run("storm", "storming");
      Connection observer = target.attach();
      InProcessServer.await("the storm keeps post-mortems",
          () -> Navigation.postMortemIds(observer).size() > 3);
      observer.close();

      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Integer>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(pool.submit(() -> navigate(target)));
      }
      int checked = 0;
      for (Future<Integer> f : clients) {
        checked += f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(checked).isEqualTo(CLIENTS * ROUNDS * 2);

      InProcessServer.await("all clients gone and their references freed", () -> {
        try (Connection c = target.attach()) {
          RemoteRef counters = (RemoteRef) c.root().call("counters");
          return counters.index("clientsConnected").equals(1L)
              && counters.index("exportedObjects").equals(1L);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Connection last = target.attach();
      RemoteRef counters = (RemoteRef) last.root().call("counters");
      assertThat(counters.index("serveError")).isEqualTo(0L);
      assertThat(counters.index("bridgeError")).isEqualTo(0L);
      assertThat(counters.index("handshakesFailed")).isEqualTo(0L);
      assertThat((Long) counters.index("clientsAccepted")).isGreaterThanOrEqualTo(CLIENTS + 2);
      target.run("ping", "pong");
    }
  }

  /** Rounds of: list, read the stable crash, read the newest storm post-mortem; returns checks. */
  private static int navigate(LiveTarget target) throws Exception {
    int checked = 0;
    try (Connection c = target.attach()) {
      for (int round = 0; round < ROUNDS; round++) {
        List<Integer> ids = Navigation.postMortemIds(c);
        assertThat(ids.get(0)).isEqualTo(1);
        Map<String, Object> crash = Navigation.locals(c, 1, 0);
        assertThat(crash).containsEntry("amount", 270L).containsEntry("label", "ann pays 270")
            .containsEntry("password", Redacted.INSTANCE);
        checked++;
        int newest = ids.get(ids.size() - 1);
        Navigation.Frame top = Navigation.where(c, newest).get(0);
        assertThat(top.methodName()).isEqualTo("refund");
        Map<String, Object> storm = Navigation.locals(c, newest, 0);
        if (top.captured()) {
          long amount = (Long) storm.get("amount");
          assertThat(storm).as("locals agree with each other")
              .containsEntry("label", "storm refunds " + amount);
          assertThat(amount % 10_000).isZero();
        } else {
          assertThat(storm).as("a rate-limited throw keeps its frames without locals").isEmpty();
        }
        checked++;
      }
    }
    return checked;
  }
}
