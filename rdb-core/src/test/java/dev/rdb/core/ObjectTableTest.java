package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The export table's counting and its bound. */
class ObjectTableTest {

  @Test
  void anIdIsFreedOnlyWhenEverySendOfItWasReleased() {
    ObjectTable table = new ObjectTable();
    Object o = new Object();
    long id = table.export(o);
    assertThat(table.export(o)).as("same object, same id").isEqualTo(id);
    table.release(id, 1);
    assertThat(table.lookup(id)).isSameAs(o);
    table.release(id, 1);
    assertThatThrownBy(() -> table.lookup(id)).isInstanceOf(OperationFailure.class)
        .hasMessageContaining("no object with id " + id);
  }

  @Test
  void exportsBeyondTheLimitAreRefusedUntilSomeAreReleased() {
    ObjectTable table = new ObjectTable(2);
    long first = table.export(new Object());
    table.export(new Object());
    assertThatThrownBy(() -> table.export(new Object())).isInstanceOf(OperationFailure.class)
        .hasMessage("this end already exports 2 objects to the peer, its limit; the peer must "
            + "release some");
    table.release(first, 1);
    assertThat(table.export(new Object())).isPositive();
  }
}
