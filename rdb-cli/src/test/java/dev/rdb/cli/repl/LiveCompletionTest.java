package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.live.FakeAgent;
import dev.rdb.core.Policy;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Completion over a live target: member names come from rdb-core shapes, one exchange per type. */
class LiveCompletionTest {
  private final FakeAgent agent = FakeAgent.start(FakeAgent.sample(), Policy.readOnly());
  private final Session session = new Session(agent.debuggee, List.of());
  private final ReplCompleter completer;

  LiveCompletionTest() {
    session.selectNewest();
    completer = new ReplCompleter(new Interpreter(session, new CommandTable()));
  }

  @AfterEach
  void close() {
    agent.close();
  }

  private List<String> values(String before) {
    return completer.candidates(before).stream().map(Candidate::value).toList();
  }

  @Test
  void bareNamesCompleteTheFramesLocals() {
    assertThat(values("p ")).contains("items", "count");
  }

  @Test
  void aChainCompletesTheRemoteTypesFieldsWithOneExchangePerType() {
    values("p ");
    long before = agent.roundTrips();
    assertThat(values("p items.")).contains("accessOrder");
    assertThat(values("p items.acc")).contains("accessOrder");
    assertThat(values("p items.accessO")).contains("accessOrder");
    assertThat(agent.roundTrips() - before).as("the shape of LinkedHashMap, once").isLessThanOrEqualTo(1);
  }
}
