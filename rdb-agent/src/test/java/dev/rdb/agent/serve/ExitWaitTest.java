package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.core.Connection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExitWaitTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void withoutPostMortemsOrDebuggersTheJvmExitsAtOnce() throws Exception {
    try (InProcessServer agent = new InProcessServer("", List::of)) {
      assertThat(waitFor(agent, 60).await()).isFalse();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void withUnseenPostMortemsItWaitsUntilADebuggerAttachesAndDetaches() throws Exception {
    try (InProcessServer agent = new InProcessServer("", List::of)) {
      agent.counters.add(Counter.POST_MORTEMS);
      CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
        try {
          return waitFor(agent, 60).await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      InProcessServer.await("the wait line", () -> err.size() > 0);
      assertThat(waited).isNotDone();
      Connection debugger = agent.connect();
      debugger.root().call("postMortems");
      assertThat(waited).isNotDone();
      debugger.close();
      assertThat(waited.get(20, TimeUnit.SECONDS)).as("a debugger came and went").isTrue();
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
          "rdb: the JVM is exiting; waiting up to 60 s for a debugger to attach and detach (rdb attach");
      assertThat(waitFor(agent, 60).await()).as("seen now: no second wait").isFalse();
    }
  }

  @Test
  void theWaitEndsWhenTheTimeIsUp() throws Exception {
    try (InProcessServer agent = new InProcessServer("", List::of)) {
      agent.counters.add(Counter.POST_MORTEMS);
      assertThat(waitFor(agent, 1).await()).isFalse();
    }
  }

  private ExitWait waitFor(InProcessServer agent, int seconds) {
    return new ExitWait(seconds, agent.server.listener().sessions(), "rdb attach 127.0.0.1:"
        + agent.port(), new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
