package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.core.Fixtures.Debuggee;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipelining: later steps use earlier results as target or argument, in one round trip. */
class BatchTest {
  private final Session session = Session.open(new Debuggee(), Fixtures.readOnlyDebuggee());

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void navigationChainIsOneRoundTrip() {
    Connection c = session.client();
    RemoteRef root = c.root();
    long before = session.roundTrips();
    Batch b = c.batch();
    Batch.Step<Object> order = b.get(root, "order");
    Batch.Step<Object> items = b.get(order, "items");
    Batch.Step<Object> first = b.index(items, 0);
    Batch.Step<Object> price = b.get(first, "price");
    b.execute();
    assertThat(price.value()).isEqualTo(12);
    assertThat(session.roundTrips() - before).as("round trips for order.items[0].price")
        .isEqualTo(1);
    assertThat(session.clientChannel().sentOfKind("CALL")).last().satisfies(call ->
        assertThat((List<?>) call.get(2)).hasSize(4));
  }

  @Test
  void earlierResultsCanBeArguments() {
    Connection c = session.client();
    Batch b = c.batch();
    Batch.Step<Object> items = b.get(b.get(c.root(), "order"), "items");
    Batch.Step<Object> first = b.index(items, 0);
    Batch.Step<Object> position = b.call(items, "indexOf", first);
    Batch.Step<Boolean> same = b.same(first, b.index(items, 0));
    b.execute();
    assertThat(position.value()).isEqualTo(0);
    assertThat(same.value()).isTrue();
  }

  @Test
  void aFailedStepFailsOnlyTheStepsThatUseIt() {
    Connection c = session.client();
    Batch b = c.batch();
    Batch.Step<Object> order = b.get(c.root(), "order");
    Batch.Step<Object> missing = b.get(order, "nope");
    Batch.Step<Object> dependent = b.get(missing, "x");
    Batch.Step<Object> independent = b.get(order, "id");
    b.execute();
    assertThat(missing.failed()).isTrue();
    assertThatThrownBy(dependent::value).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("uses the result of step 1, which failed");
    assertThat(independent.value()).isEqualTo(1L);
  }

  @Test
  void stepsOfAnotherBatchAreRejectedBeforeSending() {
    Connection c = session.client();
    Batch other = c.batch();
    Batch.Step<Object> foreign = other.get(c.root(), "order");
    assertThatThrownBy(() -> c.batch().get(foreign, "id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another batch");
  }

  @Test
  void aBatchRunsOnce() {
    Batch b = session.client().batch();
    b.get(session.client().root(), "order");
    b.execute();
    assertThatThrownBy(b::execute).isInstanceOf(IllegalStateException.class);
  }
}
