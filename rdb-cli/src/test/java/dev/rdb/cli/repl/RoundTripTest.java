package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.debuggee.CountingPort;
import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.cli.dump.Dumps;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Debuggee and ObjectPort method is one exchange with a live target; these tests count them
 * per command, so a live target inherits the budget: where and locals one each, an expression one.
 */
class RoundTripTest {
  private final CountingDebuggee target = new CountingDebuggee(Dumps.shop());
  private final Interpreter repl;

  RoundTripTest() {
    Session session = new Session(target, List.of());
    session.selectNewest();
    repl = new Interpreter(session, new CommandTable());
  }

  private int exchangesOf(String command) {
    int before = target.exchanges();
    Result result = repl.run(command);
    assertThat(result.failure()).as("failure of %s", command).isNull();
    return target.exchanges() - before;
  }

  @Test
  void selectingThePostMortemIsTheOnlyExchangeWhereNeeds() {
    assertThat(target.exchanges()).as("list + select").isEqualTo(2);
    assertThat(exchangesOf("where")).isZero();
    assertThat(exchangesOf("pm 1")).isEqualTo(1);
    assertThat(exchangesOf("where")).isZero();
  }

  @Test
  void localsIsOneExchangePerFrameAndThenCached() {
    assertThat(exchangesOf("locals")).isEqualTo(1);
    assertThat(exchangesOf("locals")).isZero();
    assertThat(exchangesOf("args")).isZero();
    assertThat(exchangesOf("up")).isZero();
    assertThat(exchangesOf("locals")).isEqualTo(1);
  }

  @Test
  void anExpressionIsOneExchangeHoweverLongItsChain() {
    repl.run("up");
    repl.run("locals");
    assertThat(exchangesOf("p order.customer.lastOrder.customer.lastOrder.items[1].sku")).isEqualTo(1);
    assertThat(exchangesOf("p order.items")).as("the result is described in the same exchange").isEqualTo(1);
    assertThat(exchangesOf("p order")).as("a local is printed from what locals fetched").isZero();
    assertThat(exchangesOf("pp counts")).isZero();
  }

  /** Counts exchanges: every Debuggee call and every ObjectPort call. */
  private static final class CountingDebuggee implements Debuggee {
    private final DumpDebuggee delegate;
    private final CountingPort port;
    private int calls;

    CountingDebuggee(DumpDebuggee delegate) {
      this.delegate = delegate;
      this.port = new CountingPort(delegate.objects());
    }

    int exchanges() {
      return calls + port.exchanges();
    }

    @Override public String name() { return delegate.name(); }
    @Override public boolean live() { return false; }

    @Override
    public List<PostMortemSummary> postMortems() {
      calls++;
      return delegate.postMortems();
    }

    @Override
    public PostMortem postMortem(int id) {
      calls++;
      return delegate.postMortem(id);
    }

    @Override
    public FrameLocals locals(int postMortemId, int frameIndex, int depth) {
      calls++;
      return delegate.locals(postMortemId, frameIndex, depth);
    }

    @Override
    public List<ThreadInfo> threads() {
      calls++;
      return delegate.threads();
    }

    @Override public ObjectPort objects() { return port; }
    @Override public void close() {}
  }
}
