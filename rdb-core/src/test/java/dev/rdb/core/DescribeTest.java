package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.core.Fixtures.Debuggee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** describe: many references, nested to a depth, in one round trip. */
class DescribeTest {
  private final Debuggee debuggee = new Debuggee();
  private final Session session = Session.open(debuggee, Fixtures.readOnlyDebuggee());

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void fiftyFramesWithTheirScalarFieldsInOneRoundTrip() {
    Connection c = session.client();
    long before = session.roundTrips();
    Batch b = c.batch();
    Batch.Step<Object> frames = b.call(c.root(), "frames");
    Batch.Step<List<Description>> described = b.describe(List.of(frames), 1, 100, 200);
    b.execute();
    Description list = described.value().get(0);
    assertThat(session.roundTrips() - before).isEqualTo(1);
    assertThat(list.length()).hasValue(50);
    assertThat(list.elements()).hasSize(50);
    Description frame7 = list.elements().get(7).description();
    assertThat(frame7.field("className").orElseThrow().value()).isEqualTo("com.acme.Service7");
    assertThat(frame7.field("line").orElseThrow().value()).isEqualTo(107);
    assertThat(frame7.field("line").orElseThrow().declaredType()).isEqualTo("int");
    assertThat(frame7.field("locals").orElseThrow().value()).isInstanceOf(RemoteRef.class);
  }

  @Test
  void localsOfEveryFrameWithTheirValuesFieldsInOneRoundTrip() {
    Connection c = session.client();
    long before = session.roundTrips();
    Batch b = c.batch();
    Batch.Step<Object> frames = b.call(c.root(), "frames");
    Batch.Step<List<Description>> described = b.describe(List.of(frames), 4, 100, 200);
    b.execute();
    Description frame0 = described.value().get(0).elements().get(0).description();
    Description locals = frame0.field("locals").orElseThrow().description();
    Description self = locals.elements().get(0).description();
    assertThat(self.field("name").orElseThrow().value()).isEqualTo("this");
    Description order = self.field("value").orElseThrow().description();
    assertThat(order.typeName()).isEqualTo(Fixtures.Order.class.getName());
    assertThat(order.field("id").orElseThrow().value()).isEqualTo(1L);
    assertThat(order.field("customerPassword").orElseThrow().value()).isSameAs(Redacted.INSTANCE);
    assertThat(order.identityHash()).isEqualTo(System.identityHashCode(debuggee.order));
    assertThat(session.roundTrips() - before).isEqualTo(1);
  }

  @Test
  void manyReferencesAtOnce() {
    Connection c = session.client();
    RemoteRef order = (RemoteRef) c.root().get("order");
    RemoteRef items = (RemoteRef) order.get("items");
    RemoteRef numbers = (RemoteRef) order.get("numbers");
    long before = session.roundTrips();
    List<Description> all = c.describe(List.of(order, items, numbers), 0);
    assertThat(session.roundTrips() - before).isEqualTo(1);
    assertThat(all).extracting(Description::typeName).containsExactly(
        Fixtures.Order.class.getName(), "java.util.ArrayList", "[I");
    assertThat(all.get(1).elements()).extracting(Description.Element::key).containsExactly(0, 1);
    assertThat(all.get(2).elements()).extracting(Description.Element::value)
        .containsExactly(1, 2, 3);
    assertThat(all.get(1).fields()).as("collections show elements, not internals").isEmpty();
  }

  @Test
  void jdkValueTypesGetABoundedSummary() {
    Connection c = session.client();
    RemoteRef order = (RemoteRef) c.root().get("order");
    RemoteRef items = (RemoteRef) order.get("items");
    items.length();
    Description d = session.client().describe(List.of(items), 1).get(0);
    assertThat(d.summary()).as("ArrayList is not value-like").isNull();
    assertThat(Describer.isValueLike(BigDecimal.class)).isTrue();
    assertThat(Describer.isValueLike(LocalDate.class)).isTrue();
    RemoteRef type = (RemoteRef) order.call("type");
    Description classDescription = type.describe(0);
    assertThat(classDescription.summary()).isEqualTo(Fixtures.Order.class.getName());
    assertThat(classDescription.field("created").orElseThrow().value()).as("a Class shows its "
        + "static fields").isEqualTo(7);
  }
}
