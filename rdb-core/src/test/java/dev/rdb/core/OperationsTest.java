package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.core.Fixtures.Debuggee;
import dev.rdb.core.Fixtures.Order;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every operation, through the public API on the in-memory pair. */
class OperationsTest {
  private final Debuggee debuggee = new Debuggee();
  private Session session = Session.open(debuggee, Policy.full());

  @AfterEach
  void close() {
    session.close();
  }

  private RemoteRef order() {
    return (RemoteRef) session.client().root().get("order");
  }

  @Test
  void readsPrivateFields() {
    assertThat(order().get("id")).as("private long field").isEqualTo(1L);
    assertThat(order().typeName()).isEqualTo(Order.class.getName());
  }

  @Test
  void valuesKeepTheirPrimitiveKindAndBoxedTypesApart() {
    RemoteRef order = order();
    assertThat(order.get("grade")).isInstanceOf(Character.class).isEqualTo('A');
    assertThat(order.get("discount")).isInstanceOf(Float.class).isEqualTo(0.5f);
    assertThat(order.get("total")).isInstanceOf(Double.class).isEqualTo(12.25);
    assertThat(order.get("shorty")).isInstanceOf(Short.class).isEqualTo((short) 3);
    assertThat(order.get("tiny")).isInstanceOf(Byte.class).isEqualTo((byte) 4);
    assertThat(order.get("paid")).isEqualTo(false);
    assertThat(order.get("boxed")).isInstanceOf(Integer.class).isEqualTo(42);
    assertThat(order.call("total")).isInstanceOf(Integer.class).isEqualTo(15);
    assertThat(order.get("status")).isEqualTo(new EnumValue(Fixtures.Status.class.getName(), "OPEN"));
  }

  @Test
  void writesFieldsWhenThePolicyAllows() {
    RemoteRef order = order();
    order.set("grade", 'B');
    order.set("status", EnumValue.of(Fixtures.Status.SHIPPED));
    assertThat(debuggee.order.status()).isEqualTo(Fixtures.Status.SHIPPED);
    assertThat(order.get("grade")).isEqualTo('B');
  }

  @Test
  void readOnlyPolicyRefusesWritesAndSaysHowToAllowThem() {
    session.close();
    session = Session.open(debuggee, Policy.readOnly());
    RemoteRef order = order();
    assertThatThrownBy(() -> order.set("paid", true))
        .isInstanceOf(PolicyDeniedException.class)
        .hasMessageContaining("writing field " + Order.class.getName() + ".paid")
        .hasMessageContaining("Policy.full()")
        .hasMessageContaining("allow(Action.WRITE");
    assertThatThrownBy(() -> order.call("fail", "x"))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("fail");
    assertThat(order.call("toString")).as("toString is in the read-only list")
        .isEqualTo(debuggee.order.toString());
  }

  @Test
  void readsStaticFieldsAndCallsStaticMethodsThroughAClassReference() {
    RemoteRef type = (RemoteRef) order().call("type");
    assertThat(type.className()).contains(Order.class.getName());
    assertThat(type.getStatic("created")).isEqualTo(7);
    assertThat(type.callStatic("describeAll")).isEqualTo("orders:7");
    assertThatThrownBy(() -> order().getStatic("created"))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("needs a Class");
  }

  @Test
  void overloadsAreChosenByArgumentTypes() {
    RemoteRef order = order();
    assertThat(order.call("pick", 1)).isEqualTo("int");
    assertThat(order.call("pick", 1L)).isEqualTo("long");
    assertThat(order.call("pick", "s")).isEqualTo("String");
    assertThat(order.call("pick", 'c')).as("char widens to int").isEqualTo("int");
    assertThat(order.call("pick", 2.0)).as("double boxes to Object").isEqualTo("Object");
    assertThat(order.call("widen", 3)).as("int widens to double").isEqualTo("double:3.0");
    assertThat(order.call("join", "-", 1, "b", 'c')).as("varargs").isEqualTo("1-b-c");
    assertThat(order.call("join", "-")).as("empty varargs").isEqualTo("");
    assertThat(order.call("statusName", EnumValue.of(Fixtures.Status.SHIPPED)))
        .isEqualTo("SHIPPED");
  }

  @Test
  void aCallThatFitsNoOverloadListsTheCandidates() {
    assertThatThrownBy(() -> order().call("widen", "not a number"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("no overload of 'widen'")
        .hasMessageContaining("widen(double)");
  }

  @Test
  void remoteExceptionsCarryClassMessageStackCauseAndReference() {
    RemoteRef order = order();
    RemoteException e = (RemoteException) catchRdb(() -> order.call("fail", "boom"));
    assertThat(e.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
    assertThat(e.remoteMessage()).isEqualTo("boom");
    assertThat(e.getMessage()).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(e.remoteStackTrace().get(0).getMethodName()).isEqualTo("fail");
    assertThat(e.remote().cause().className()).isEqualTo("java.io.IOException");
    assertThat(e.remote().ref().call("getMessage")).as("the remote throwable by reference")
        .isEqualTo("boom");
  }

  @Test
  void jdkThrowablesArriveByNameAndByReference() {
    Object value = order().call("lastError");
    assertThat(value).isInstanceOf(RemoteThrowable.class);
    RemoteThrowable t = (RemoteThrowable) value;
    assertThat(t.className()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(t.message()).isEqualTo("bad id");
    assertThat(t.stackTrace()).isNotEmpty();
    assertThat(t.ref().call("getMessage")).isEqualTo("bad id");
  }

  @Test
  void indexLengthAndSliceWorkOnArraysListsMapsAndStrings() {
    RemoteRef order = order();
    RemoteRef numbers = (RemoteRef) order.get("numbers");
    assertThat(numbers.lengthHint()).hasValue(3);
    assertThat(numbers.index(1)).isEqualTo(2);
    assertThat(numbers.slice(0, 3)).containsExactly(1, 2, 3);
    RemoteRef items = (RemoteRef) order.get("items");
    assertThat(items.length()).isEqualTo(2);
    assertThat(((RemoteRef) items.index(0)).get("name")).isEqualTo("book");
    RemoteRef settings = (RemoteRef) order.get("settings");
    assertThat(settings.index("color")).isEqualTo("red");
    assertThat(settings.toList()).hasSize(2).allMatch(e -> e instanceof MapEntry);
    assertThatThrownBy(() -> items.index(5)).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("index 5 out of bounds for length 2");
    assertThatThrownBy(() -> order.index(0)).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("cannot index " + Order.class.getName());
  }

  @Test
  void redactedNamesNeverLeaveTheServer() {
    RemoteRef order = order();
    assertThat(order.get("customerPassword")).isSameAs(Redacted.INSTANCE);
    assertThat(order.call("passwordHint")).isSameAs(Redacted.INSTANCE);
    RemoteRef settings = (RemoteRef) order.get("settings");
    assertThat(settings.index("apiToken")).isSameAs(Redacted.INSTANCE);
    assertThat(settings.toList()).contains(new MapEntry("apiToken", Redacted.INSTANCE));
    String everythingSent = session.serverChannel().sent.toString();
    assertThat(everythingSent).doesNotContain("hunter2").doesNotContain("starts with h")
        .doesNotContain("abc");
  }

  @Test
  void toStringIsBounded() {
    RemoteRef items = (RemoteRef) order().get("items");
    assertThat(items.toStringBounded(100)).isEqualTo("[book@12, pen@3]");
    assertThat(items.toStringBounded(4)).isEqualTo("[boo… (16 chars)");
  }

  @Test
  void identityAndEqualityAreAnsweredWithoutConfusion() {
    RemoteRef a = order();
    RemoteRef b = order();
    assertThat(a).as("one handle per remote object").isSameAs(b);
    assertThat(a.remoteEquals(b)).isTrue();
    assertThat(a.identityHash()).isEqualTo(System.identityHashCode(debuggee.order));
    assertThat(a.remoteHashCode()).isEqualTo(debuggee.order.hashCode());
  }

  @Test
  void unknownFieldsNameTheFieldsThatExist() {
    assertThatThrownBy(() -> order().get("nope"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("no field 'nope' in " + Order.class.getName())
        .hasMessageContaining("items");
  }

  @Test
  void shapeListsFieldsAndMethodsAndIsFetchedOncePerType() {
    RemoteRef order = order();
    Shape shape = order.shape();
    long before = session.roundTrips();
    Shape again = order().shape();
    assertThat(session.roundTrips() - before).as("second shape() of the type is cached: only "
        + "the get of 'order' costs a round trip").isEqualTo(1);
    assertThat(again).isSameAs(shape);
    assertThat(shape.name()).isEqualTo(Order.class.getName());
    assertThat(shape.field("items").orElseThrow().type())
        .isEqualTo("java.util.List<" + Fixtures.Item.class.getTypeName() + ">");
    assertThat(shape.methods()).anyMatch(m -> m.name().equals("join")
        && m.parameterTypes().equals(List.of("java.lang.String", "java.lang.Object[]")));
  }

  @Test
  void peerPolicyIsKnownAfterHello() {
    assertThat(session.client().peerPolicy().name()).isEqualTo("full");
    assertThat(session.server().peerPolicy().name()).isEqualTo("full");
  }

  @Test
  void aLocalMapPassedAsArgumentArrivesAsAReference() {
    RemoteRef items = (RemoteRef) order().get("items");
    Object contains = items.call("contains", Map.of("k", "v"));
    assertThat(contains).isEqualTo(false);
  }

  /** A list whose application code throws. */
  static final class BrokenList extends java.util.AbstractList<Object> {
    @Override
    public Object get(int index) {
      throw new UnsupportedOperationException("broken get on " + Thread.currentThread().getName());
    }

    @Override
    public int size() {
      return 3;
    }
  }

  @Test
  void whatCollectionCodeThrowsArrivesAsARemoteExceptionFromAWorkerThread() {
    session.close();
    session = Session.open(new BrokenList(), Policy.readOnly());
    RemoteRef list = session.client().root();
    assertThat(list.length()).isEqualTo(3);
    assertThatThrownBy(() -> list.index(1)).isInstanceOf(RemoteException.class)
        .hasMessageStartingWith("java.lang.UnsupportedOperationException: broken get on "
            + "rdb-worker-server-");
    assertThatThrownBy(() -> list.slice(0, 2)).isInstanceOf(RemoteException.class);
    assertThat(session.server().stats().internalErrors()).isZero();
  }

  @Test
  void publicMethodsOfPrivateJdkClassesAreCalledThroughTheirPublicInterface() {
    session.close();
    session = Session.open(List.of("a", "b", "c"), Policy.readOnly());
    RemoteRef list = session.client().root();
    assertThat(list.typeName()).startsWith("java.util.ImmutableCollections$");
    assertThat(list.call("get", 1)).isEqualTo("b");
    assertThat(list.call("size")).isEqualTo(3);
    assertThat(list.toList()).containsExactly("a", "b", "c");
  }

  @Test
  void aPeerWithoutRootSaysSo() {
    assertThatThrownBy(() -> session.server().root())
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("the peer exported no root object");
  }

  private static RdbException catchRdb(Runnable r) {
    try {
      r.run();
    } catch (RdbException e) {
      return e;
    }
    throw new AssertionError("expected an RdbException");
  }
}
