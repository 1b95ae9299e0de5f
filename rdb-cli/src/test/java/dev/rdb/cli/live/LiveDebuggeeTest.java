package dev.rdb.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TargetLostException;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.repl.CommandTable;
import dev.rdb.cli.repl.Failure;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.Result;
import dev.rdb.cli.repl.Session;
import dev.rdb.core.Policy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live Debuggee over an in-memory agent: what each port method returns, and what it costs. */
class LiveDebuggeeTest {
  private static final int FRAMES = 50;

  /** Application objects of the fake target. */
  public static final class Customer {
    final String name;
    Order lastOrder;

    Customer(String name) {
      this.name = name;
    }
  }

  public static final class Item {
    final String sku;
    final BigDecimal price;

    Item(String sku, BigDecimal price) {
      this.sku = sku;
      this.price = price;
    }
  }

  public static final class Order {
    public static final int LIMIT = 100;
    final int id;
    final Customer customer;
    final List<Item> items = new ArrayList<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final long[] stamps = {1L, 2L, 3L};

    Order(int id, Customer customer) {
      this.id = id;
      this.customer = customer;
    }

    public void clear() {
      items.clear();
    }
  }

  private final Order order = order();
  private final FakeAgent agent = FakeAgent.start(root(order), Policy.readOnly());

  @AfterEach
  void close() {
    agent.close();
  }

  private static Order order() {
    Customer customer = new Customer("Ada");
    Order order = new Order(7, customer);
    customer.lastOrder = order;
    order.items.add(new Item("A-1", new BigDecimal("12.50")));
    order.items.add(new Item("B-2", new BigDecimal("3.00")));
    order.counts.put("A-1", 1);
    order.counts.put("B-2", 2);
    return order;
  }

  private static FakeAgent.Root root(Order order) {
    FakeAgent.Root root = new FakeAgent.Root(Map.of(Order.class.getName(), Order.class));
    List<FakeAgent.FrameView> frames = new ArrayList<>();
    for (int i = 0; i < FRAMES; i++) {
      List<FakeAgent.LocalView> locals = List.of(
          new FakeAgent.LocalView("this", Order.class.getName(), false, order),
          new FakeAgent.LocalView("depth", "int", true, i),
          new FakeAgent.LocalView("order", Order.class.getName(), false, order),
          new FakeAgent.LocalView("label", "java.lang.String", false, "frame " + i),
          new FakeAgent.LocalView("password", "java.lang.String", false, dev.rdb.core.Redacted.INSTANCE));
      frames.add(new FakeAgent.FrameView(Order.class.getName(), "check" + i, "Order.java", 40 + i, i % 2 == 0,
          true, i % 2 == 0 ? locals : List.of()));
    }
    IllegalStateException thrown = new IllegalStateException("total mismatch",
        new ArithmeticException("/ by zero"));
    root.postMortems.add(new FakeAgent.PostMortemView(1, "2026-11-25T23:00:00Z", "main", "IllegalStateException",
        IllegalStateException.class.getName(), "total mismatch", thrown, frames));
    root.postMortems.add(new FakeAgent.PostMortemView(2, "2026-11-25T23:00:01Z", "worker", "ArithmeticException",
        ArithmeticException.class.getName(), "/ by zero", new ArithmeticException("/ by zero"), frames.subList(0, 3)));
    return root;
  }

  private long roundTripsOf(Runnable action) {
    long before = agent.roundTrips();
    action.run();
    return agent.roundTrips() - before;
  }

  @Test
  void listingPostMortemsIsOneRoundTripWithFrameCounts() {
    AtomicReference<List<PostMortemSummary>> listed = new AtomicReference<>();
    assertThat(roundTripsOf(() -> listed.set(agent.debuggee.postMortems()))).isEqualTo(1);
    assertThat(listed.get()).extracting(PostMortemSummary::id).containsExactly(1, 2);
    assertThat(listed.get().get(0).frameCount()).isEqualTo(FRAMES);
    assertThat(listed.get().get(0).message()).isEqualTo("total mismatch");
    assertThat(listed.get().get(1).thread()).isEqualTo("worker");
  }

  @Test
  void wherePartOfAFiftyFramePostMortemIsOneRoundTrip() {
    AtomicReference<PostMortem> pm = new AtomicReference<>();
    assertThat(roundTripsOf(() -> pm.set(agent.debuggee.postMortem(1)))).isEqualTo(1);
    assertThat(pm.get().frames()).hasSize(FRAMES);
    assertThat(pm.get().frames().get(3).stackTraceLine()).isEqualTo(Order.class.getName() + ".check3(Order.java:43)");
    assertThat(pm.get().frames().get(2).captured()).isTrue();
    assertThat(pm.get().frames().get(3).captured()).isFalse();
  }

  @Test
  void postMortemCarriesTheExceptionChainWithStacks() {
    PostMortem pm = agent.debuggee.postMortem(1);
    assertThat(pm.exception().headline()).isEqualTo("java.lang.IllegalStateException: total mismatch");
    assertThat(pm.exception().stack()).as("stack of the throwable").isNotEmpty()
        .first().asString().contains("LiveDebuggeeTest.root");
    assertThat(pm.exception().cause().headline()).isEqualTo("java.lang.ArithmeticException: / by zero");
    assertThat(pm.exception().cause().cause()).isNull();
  }

  @Test
  void localsOfAFrameAreOneRoundTripWithTheirObjectsDescribed() {
    AtomicReference<FrameLocals> locals = new AtomicReference<>();
    assertThat(roundTripsOf(() -> locals.set(agent.debuggee.locals(1, 48, 2)))).isEqualTo(1);
    assertThat(locals.get().locals()).extracting(Local::name).containsExactly("this", "depth", "order", "label", "password");
    assertThat(locals.get().find("depth").orElseThrow().value()).isEqualTo(new Value.Primitive(48));
    assertThat(locals.get().find("depth").orElseThrow().argument()).isTrue();
    assertThat(locals.get().find("label").orElseThrow().value()).isEqualTo(new Value.Text("frame 48", 8));
    assertThat(locals.get().find("password").orElseThrow().value()).isEqualTo(Value.REDACTED);
    Value.ObjectRef self = (Value.ObjectRef) locals.get().find("this").orElseThrow().value();
    Value.ObjectRef same = (Value.ObjectRef) locals.get().find("order").orElseThrow().value();
    assertThat(same.id()).as("one object, one id").isEqualTo(self.id());
    Description described = locals.get().graph().find(self).orElseThrow();
    assertThat(described.kind()).isEqualTo(Description.Kind.OBJECT);
    assertThat(described.fields()).extracting(Description.Field::name).contains("id", "customer", "items", "counts");
  }

  @Test
  void describedContainersKeepTheirKind() {
    FrameLocals locals = agent.debuggee.locals(1, 0, 2);
    var graph = locals.graph();
    Description order = graph.find((Value.ObjectRef) locals.find("this").orElseThrow().value()).orElseThrow();
    Map<String, Value> fields = new LinkedHashMap<>();
    order.fields().forEach(f -> fields.put(f.name(), f.value()));
    Description items = graph.find((Value.ObjectRef) fields.get("items")).orElseThrow();
    Description counts = graph.find((Value.ObjectRef) fields.get("counts")).orElseThrow();
    Description stamps = graph.find((Value.ObjectRef) fields.get("stamps")).orElseThrow();
    assertThat(items.kind()).isEqualTo(Description.Kind.COLLECTION);
    assertThat(items.size()).isEqualTo(2);
    assertThat(counts.kind()).isEqualTo(Description.Kind.MAP);
    assertThat(counts.entries()).extracting(Description.Entry::key)
        .containsExactly(new Value.Text("A-1", 3), new Value.Text("B-2", 3));
    assertThat(stamps.kind()).isEqualTo(Description.Kind.ARRAY);
    assertThat(stamps.type()).isEqualTo("long[]");
    assertThat(stamps.elements()).containsExactly(new Value.Primitive(1L), new Value.Primitive(2L), new Value.Primitive(3L));
  }

  @Test
  void threadsAreOneRoundTrip() {
    AtomicReference<List<ThreadInfo>> threads = new AtomicReference<>();
    assertThat(roundTripsOf(() -> threads.set(agent.debuggee.threads()))).isEqualTo(1);
    assertThat(threads.get()).extracting(ThreadInfo::name).containsExactly("main", "worker-1");
    assertThat(threads.get().get(1).daemon()).isTrue();
    assertThat(threads.get().get(1).stack()).containsExactly("java.lang.Object.wait(Native Method)",
        "com.acme.Worker.run(Worker.java:30)");
  }

  @Test
  void anUnknownPostMortemIsOneLineNamingIt() {
    assertThatThrownBy(() -> agent.debuggee.postMortem(9)).isInstanceOf(TargetException.class)
        .hasMessage("fake:7777: no post-mortem #9 (no post-mortem 9)");
    assertThatThrownBy(() -> agent.debuggee.locals(1, 70, 2)).isInstanceOf(TargetException.class)
        .hasMessage("fake:7777: no frame #70 in post-mortem #1 (it has " + FRAMES + ")");
  }

  private Interpreter repl() {
    Session session = new Session(agent.debuggee, List.of());
    session.selectNewest();
    Interpreter interpreter = new Interpreter(session, new CommandTable());
    ok(interpreter.run("pm 1"));
    return interpreter;
  }

  private static Result ok(Result result) {
    assertThat(result.failure()).as("failure of %s", result).isNull();
    return result;
  }

  private long roundTripsOf(Interpreter repl, String command) {
    long before = agent.roundTrips();
    ok(repl.run(command));
    return agent.roundTrips() - before;
  }

  @Test
  void whereAndLocalsInTheReplCostOneRoundTripEachOnAFiftyFrameTrace() {
    Interpreter repl = new Interpreter(new Session(agent.debuggee, List.of()), new CommandTable());
    assertThat(roundTripsOf(repl, "pm 1")).as("list + fetch the post-mortem").isEqualTo(2);
    assertThat(roundTripsOf(repl, "where")).as("where after pm").isZero();
    assertThat(roundTripsOf(repl, "locals")).isEqualTo(1);
    assertThat(roundTripsOf(repl, "up 2")).isZero();
    assertThat(roundTripsOf(repl, "locals")).isEqualTo(1);
  }

  @Test
  void anExpressionChainIsOneRoundTrip() {
    Interpreter repl = repl();
    ok(repl.run("locals"));
    assertThat(roundTripsOf(repl, "p order.customer.lastOrder.customer.lastOrder.items[1].sku")).isEqualTo(1);
    assertThat(roundTripsOf(repl, "p order.items[0]")).as("result described in the same exchange").isEqualTo(1);
    Result printed = repl.run("p order.items[0].price");
    assertThat(printed.toString()).contains("12.50");
    assertThat(roundTripsOf(repl, "p order.counts[\"B-2\"] + order.stamps.length")).isEqualTo(1);
    assertThat(repl.run("p order.counts[\"B-2\"] + order.stamps.length").toString()).contains("5");
  }

  @Test
  void aStaticFieldFindsItsClassOnceThenCostsOneRoundTrip() {
    Interpreter repl = repl();
    ok(repl.run("locals"));
    assertThat(repl.run("p " + Order.class.getName().replace('$', '.') + ".LIMIT").toString()).contains("100");
    assertThat(roundTripsOf(repl, "p " + Order.class.getName().replace('$', '.') + ".LIMIT")).isEqualTo(1);
  }

  @Test
  void aCallRefusedByTheReadOnlyPolicySaysHowToEnableIt() {
    Interpreter repl = repl();
    Result result = repl.run("p order.clear()");
    assertThat(result.failure()).isNotNull();
    assertThat(result.failure().message()).contains("refused by the agent's read-only policy")
        .contains("policy=full");
    assertThat(order.items).as("the call did not run").hasSize(2);
  }

  @Test
  void aRefusedStepIsReportedAsRefusedByPolicy() {
    FrameLocals locals = agent.debuggee.locals(1, 0, 0);
    Value self = locals.find("this").orElseThrow().value();
    var plan = new dev.rdb.cli.debuggee.Plan(List.of(
        new dev.rdb.cli.debuggee.Step.Call(dev.rdb.cli.debuggee.Operand.constant(self), "clear", List.of()),
        new dev.rdb.cli.debuggee.Step.GetField(dev.rdb.cli.debuggee.Operand.result(0), "x")), List.of(), 0);
    var results = agent.debuggee.objects().execute(plan).results();
    assertThat(((StepResult.Failed) results.get(0)).failure()).isEqualTo(StepResult.Failure.REFUSED_BY_POLICY);
    assertThat(((StepResult.Failed) results.get(1)).failure()).isEqualTo(StepResult.Failure.INPUT_FAILED);
  }

  @Test
  void aMissingFieldIsNoSuchMember() {
    Interpreter repl = repl();
    ok(repl.run("locals"));
    Result result = repl.run("p order.nope");
    assertThat(result.failure().message()).contains("no field 'nope'");
  }

  @Test
  void aLostConnectionIsTargetLost() {
    agent.server.close("the target JVM is exiting");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (agent.debuggee.connection().isOpen() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThatThrownBy(() -> agent.debuggee.postMortems()).isInstanceOf(TargetLostException.class)
        .hasMessageContaining("fake:7777").hasMessageContaining("the target JVM is exiting");
    Result result = new Interpreter(new Session(agent.debuggee, List.of()), new CommandTable()).run("exceptions");
    assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TARGET_LOST);
  }

  @Test
  void anInterruptCancelsTheCallInFlightAndKeepsTheSession() throws Exception {
    agent.root.block = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        agent.debuggee.postMortems();
      } catch (Throwable t) {
        thrown.set(t);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (agent.roundTrips() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    caller.interrupt();
    caller.join(10_000);
    assertThat(thrown.get()).isInstanceOf(TargetException.class).isNotInstanceOf(TargetLostException.class)
        .hasMessage("cancelled");
    assertThat(flag.get()).as("interrupt flag kept for the REPL").isTrue();
    agent.root.block.countDown();
    agent.root.block = null;
    assertThat(agent.debuggee.postMortems()).as("the session goes on").hasSize(2);
  }
}
