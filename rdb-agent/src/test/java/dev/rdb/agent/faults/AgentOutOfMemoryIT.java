package dev.rdb.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.core.Batch;
import dev.rdb.core.CallTimeoutException;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionClosedException;
import dev.rdb.core.Description;
import dev.rdb.core.InvalidOperationException;
import dev.rdb.core.RemoteException;
import dev.rdb.core.RemoteRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target whose heap is full asked for a huge describe: the request fails, the target goes on. */
class AgentOutOfMemoryIT {

  @Test
  void hugeDescribeInAFullHeapFailsTheRequestAndTheTargetContinues() throws Exception {
    try (FaultTarget target = new FaultTarget("includes=faults.*,port=0", "-Xmx64m")) {
      target.run("crash", "crashed");
      Connection c = target.attach();
      RemoteRef ledger = (RemoteRef) CrashLocals.value(c, "ledger");
      target.run("fill", "filled ");
      List<String> outcomes = new ArrayList<>();
      for (int i = 0; i < 4 && (outcomes.isEmpty() || outcomes.get(i - 1).startsWith("described"));
          i++) {
        outcomes.add(describeAll(c, ledger));
      }
      target.run("free", "freed");
      System.out.println("AgentOutOfMemoryIT: " + outcomes);
      String last = outcomes.get(outcomes.size() - 1);
      assertThat(last).as("a describe in a full heap fails with an error reply or a closed connection")
          .matches("(error reply|connection closed): .*OutOfMemoryError.*");

      target.run("ping", "pong");
      try (Connection other = target.attach()) {
        RemoteRef order = (RemoteRef) CrashLocals.value(other, "order");
        assertThat(((RemoteRef) order.get("lines")).length()).as("another client is served")
            .isEqualTo(50);
      }
      assertThat(target.counter("serveError")).as("serveError").isZero();
    }
  }

  /** Describes the first 1,000,000 elements of the ledger (the agent sends at most 65,536). */
  private static String describeAll(Connection c, RemoteRef ledger) {
    try {
      Batch b = c.batch();
      Batch.Step<List<Description>> all = b.describe(List.of(ledger), 0, 1_000_000, 100);
      b.execute();
      return "described " + all.value().get(0).elements().size() + " elements";
    } catch (InvalidOperationException | RemoteException e) {
      return "error reply: " + e.getMessage();
    } catch (ConnectionClosedException e) {
      return "connection closed: " + e.getMessage();
    } catch (CallTimeoutException e) {
      return "no reply: " + e.getMessage();
    }
  }
}
