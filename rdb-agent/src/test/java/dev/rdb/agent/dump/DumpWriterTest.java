package dev.rdb.agent.dump;

import static dev.rdb.agent.dump.JsonTree.list;
import static dev.rdb.agent.dump.JsonTree.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.FrameView;
import dev.rdb.agent.store.LocalView;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpWriterTest {

  @TempDir
  Path dir;

  private final Counters counters = new Counters();

  // --- fixtures: application classes as a dump meets them ---

  static final class Item {
    final String sku;
    final int qty;
    final double price;

    Item(String sku, int qty, double price) {
      this.sku = sku;
      this.qty = qty;
      this.price = price;
    }
  }

  enum Status { NEW, PAID }

  static final class Order {
    long id = 7;
    BigDecimal total = new BigDecimal("12.50");
    List<Item> items = new ArrayList<>(List.of(new Item("A-1", 2, 2.5), new Item("B-2", 1, 7.5)));
    Status status = Status.PAID;
    Customer customer;
    String password = "hunter2";
    Map<String, Object> settings = new LinkedHashMap<>(Map.of("apiToken", "tok-123", "region", "EU"));
  }

  static final class Customer {
    String name = "Ada";
    Order lastOrder;
  }

  static final class Link {
    final int n;
    Link next;

    Link(int n, Link next) {
      this.n = n;
      this.next = next;
    }
  }

  /** Counts every method an application class could run when a careless dumper touched it. */
  static final AtomicInteger HOSTILE_CALLS = new AtomicInteger();

  static final class Hostile {
    final String label = "hostile";

    @Override
    public String toString() {
      HOSTILE_CALLS.incrementAndGet();
      throw new IllegalStateException("toString ran");
    }

    @Override
    public int hashCode() {
      HOSTILE_CALLS.incrementAndGet();
      throw new IllegalStateException("hashCode ran");
    }

    @Override
    public boolean equals(Object o) {
      HOSTILE_CALLS.incrementAndGet();
      throw new IllegalStateException("equals ran");
    }
  }

  static final class HostileList extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
    final String tag = "mine";

    HostileList() {
      super(List.of("a", "b"));
    }

    @Override
    public java.util.Iterator<String> iterator() {
      HOSTILE_CALLS.incrementAndGet();
      throw new IllegalStateException("iterator ran");
    }

    @Override
    public int size() {
      HOSTILE_CALLS.incrementAndGet();
      throw new IllegalStateException("size ran");
    }
  }

  // --- helpers ---

  private static PostMortemView pm(int id, String name, Throwable thrown, List<LocalView> locals) {
    // Two frames of stack are enough; the test runner's sixty would weigh on the budget tests.
    StackTraceElement[] stack = thrown.getStackTrace();
    thrown.setStackTrace(java.util.Arrays.copyOf(stack, Math.min(2, stack.length)));
    List<FrameView> frames = List.of(
        new FrameView("com.acme.Order", "check", "Order.java", 42, true, true, locals),
        new FrameView("com.acme.Main", "main", "Main.java", 9, false, false, List.of()));
    return new PostMortemView(id, Instant.now().toString(), "main", name, thrown.getClass().getName(),
        thrown.getMessage(), thrown, frames);
  }

  private static PostMortemView pm(List<LocalView> locals) {
    return pm(1, "java.lang.IllegalStateException", new IllegalStateException("total mismatch"), locals);
  }

  private DumpWriter writer(DumpLimits limits) {
    return new DumpWriter(dir, limits, Redaction.defaults(), counters, List::of, "com.acme.Main");
  }

  private Path written(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
      assertThat(found).as("files ending in %s in %s", suffix, dir).hasSize(1);
      return found.get(0);
    }
  }

  private Map<String, Object> dump(DumpLimits limits, List<LocalView> locals) throws IOException {
    writer(limits).writeNow(pm(locals));
    assertThat(counters.get(Counter.DUMP_FAILED)).as(counters.firstErrors().toString()).isZero();
    return JsonTree.read(written(".json"));
  }

  private static Map<String, Object> local(Map<String, Object> doc, String name) {
    Map<String, Object> frame = map(list(map(list(doc.get("postMortems")).get(0)).get("frames")).get(0));
    return list(frame.get("locals")).stream().map(JsonTree::map).filter(l -> name.equals(l.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no local " + name + " in " + frame));
  }

  private static Map<String, Object> object(Map<String, Object> doc, Object ref) {
    String id = (String) map(ref).get("ref");
    Object o = map(doc.get("objects")).get(id);
    assertThat(o).as("object %s recorded", id).isNotNull();
    return map(o);
  }

  private static Object field(Map<String, Object> object, String name) {
    return list(object.get("fields")).stream().map(JsonTree::map).filter(f -> name.equals(f.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no field " + name + " in " + object)).get("value");
  }

  // --- tests ---

  @Test
  void documentHasTheVersionOneCoreAndTheFramesInnermostFirst() throws IOException {
    Order order = new Order();
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("this", "com.acme.Order", false, order),
        new LocalView("limit", "int", true, 100)));
    assertThat(doc).containsEntry("format", "rdb-dump").containsEntry("version", 1L)
        .containsKeys("created", "jvm", "limits", "postMortems", "objects");
    Map<String, Object> pm = map(list(doc.get("postMortems")).get(0));
    assertThat(pm).containsEntry("id", 1L).containsEntry("thread", "main")
        .containsEntry("name", "java.lang.IllegalStateException");
    assertThat(map(pm.get("exception"))).containsEntry("type", "java.lang.IllegalStateException")
        .containsEntry("message", "total mismatch").containsEntry("cause", null);
    List<Object> frames = list(pm.get("frames"));
    assertThat(map(frames.get(0))).containsEntry("class", "com.acme.Order").containsEntry("method", "check")
        .containsEntry("line", 42L).containsEntry("captured", true);
    assertThat(map(frames.get(1))).containsEntry("captured", false).containsEntry("locals", List.of());
    assertThat(local(doc, "limit")).containsEntry("value", 100L).containsEntry("argument", true);
    Map<String, Object> self = object(doc, local(doc, "this").get("value"));
    assertThat(self).containsEntry("type", DumpWriterTest.Order.class.getName()).containsEntry("kind", "object");
    assertThat(field(self, "id")).isEqualTo(7L);
    assertThat(field(self, "status")).isEqualTo(Map.of("enum", Status.class.getName(), "name", "PAID"));
    assertThat(object(doc, field(self, "total"))).containsEntry("summary", "12.50");
    Map<String, Object> items = object(doc, field(self, "items"));
    assertThat(items).containsEntry("kind", "collection").containsEntry("size", 2L);
    assertThat(field(object(doc, list(items.get("elements")).get(1)), "price")).isEqualTo(7.5);
  }

  @Test
  void causeChainIsWrittenByName() throws IOException {
    IllegalStateException top = new IllegalStateException("outer", new ArithmeticException("/ by zero"));
    writer(DumpLimits.DEFAULTS).writeNow(pm(3, "ShopTest.totals", top, List.of()));
    Map<String, Object> exception = map(map(list(JsonTree.read(written(".json")).get("postMortems")).get(0))
        .get("exception"));
    assertThat(map(exception.get("cause"))).containsEntry("type", "java.lang.ArithmeticException")
        .containsEntry("message", "/ by zero").containsEntry("cause", null);
    assertThat(list(exception.get("stack"))).isNotEmpty();
  }

  @Test
  void primitivesKeepTheirTypeLongsBeyondTwoToThe53AreStrings() throws IOException {
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("big", "long", false, 9_007_199_254_740_993L),
        new LocalView("small", "long", false, 9_007_199_254_740_992L),
        new LocalView("initial", "char", false, 'Q'),
        new LocalView("ratio", "double", false, Double.NaN),
        new LocalView("boxedLong", "java.lang.Object", false, 5L),
        new LocalView("boxedInt", "java.lang.Object", false, 5),
        new LocalView("f", "float", false, 2.5f)));
    assertThat(local(doc, "big").get("value")).isEqualTo("9007199254740993");
    assertThat(local(doc, "small").get("value")).isEqualTo(9_007_199_254_740_992L);
    assertThat(local(doc, "initial").get("value")).isEqualTo("Q");
    assertThat(local(doc, "ratio").get("value")).isEqualTo("NaN");
    assertThat(local(doc, "boxedLong").get("value")).isEqualTo(Map.of("boxed", "java.lang.Long", "value", 5L));
    assertThat(local(doc, "boxedInt").get("value")).isEqualTo(5L);
    assertThat(local(doc, "f").get("value")).isEqualTo(2.5);
  }

  @Test
  void objectsBeyondTheDepthLimitAreReferencesMarkedTruncated() throws IOException {
    Link chain = new Link(1, new Link(2, new Link(3, new Link(4, new Link(5, null)))));
    Map<String, Object> doc = dump(new DumpLimits(3, 100, 1000, 50, 1 << 20),
        List.of(new LocalView("head", "Link", false, chain)));
    Map<String, Object> one = object(doc, local(doc, "head").get("value"));
    Map<String, Object> three = object(doc, field(object(doc, field(one, "next")), "next"));
    assertThat(field(three, "n")).isEqualTo(3L);
    Map<String, Object> four = map(field(three, "next"));
    assertThat(four).containsEntry("truncated", true).containsEntry("reason", "depth")
        .containsEntry("type", Link.class.getName());
    assertThat(map(doc.get("objects"))).doesNotContainKey((String) four.get("ref")).hasSize(3);
    assertThat(doc).doesNotContainKey("truncated");
  }

  @Test
  void budgetKeepsTheNearestObjectsAndTheFileStaysWithinIt() throws IOException {
    List<Item> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(new Item("SKU-" + "x".repeat(200) + i, i, i * 1.5));
    }
    long budget = 30_000;
    Map<String, Object> doc = dump(new DumpLimits(3, 100, 1000, 50, budget),
        List.of(new LocalView("items", "java.util.List<Item>", false, many)));
    assertThat(Files.size(written(".json"))).as("file size").isLessThanOrEqualTo(budget);
    assertThat(doc).containsEntry("truncated", true);
    Map<String, Object> list = object(doc, local(doc, "items").get("value"));
    List<Object> elements = list(list.get("elements"));
    assertThat(elements).hasSize(100);
    assertThat(map(elements.get(0))).doesNotContainKey("truncated");
    assertThat(map(elements.get(99))).containsEntry("truncated", true).containsEntry("reason", "budget");
    int recorded = 0;
    for (Object e : elements) {
      if (!map(e).containsKey("truncated")) {
        assertThat(recorded).as("recorded elements come first (breadth first)").isEqualTo(elements.indexOf(e));
        recorded++;
      }
    }
    assertThat(recorded).isBetween(5, 99);
  }

  @Test
  void objectReachedTwiceIsWrittenOnceAndCyclesAreReferences() throws IOException {
    Order order = new Order();
    Customer ada = new Customer();
    ada.lastOrder = order;
    order.customer = ada;
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("this", "Order", false, order),
        new LocalView("again", "Object", false, order),
        new LocalView("customer", "Customer", false, ada)));
    Object thisRef = map(local(doc, "this").get("value")).get("ref");
    assertThat(map(local(doc, "again").get("value")).get("ref")).isEqualTo(thisRef);
    Map<String, Object> customer = object(doc, local(doc, "customer").get("value"));
    assertThat(map(field(customer, "lastOrder")).get("ref")).isEqualTo(thisRef);
    long orders = map(doc.get("objects")).values().stream()
        .filter(o -> Order.class.getName().equals(map(o).get("type"))).count();
    assertThat(orders).isEqualTo(1);
  }

  @Test
  void redactedFieldsVariablesAndMapKeysAreNeverWritten() throws IOException {
    Order order = new Order();
    dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("this", "Order", false, order),
        new LocalView("dbPassword", "java.lang.String", false, "s3cr3t-local")));
    String json = Files.readString(written(".json"));
    String txt = Files.readString(written(".txt"));
    assertThat(json).doesNotContain("hunter2", "s3cr3t-local", "tok-123").contains("{\"redacted\":true}");
    assertThat(txt).doesNotContain("hunter2", "s3cr3t-local", "tok-123").contains("<redacted>");
    assertThat(json).contains("\"EU\"");
  }

  @Test
  void hugeStringsAreCutAndHugeArraysKeepTheirFirstElements() throws IOException {
    String huge = "y".repeat(5_000_000);
    int[] numbers = new int[1_000_000];
    numbers[1] = 42;
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("huge", "java.lang.String", false, huge),
        new LocalView("numbers", "int[]", false, numbers)));
    Map<String, Object> text = map(local(doc, "huge").get("value"));
    assertThat(text).containsEntry("length", 5_000_000L);
    assertThat((String) text.get("string")).hasSize(1_000);
    Map<String, Object> array = object(doc, local(doc, "numbers").get("value"));
    assertThat(array).containsEntry("type", "int[]").containsEntry("kind", "array").containsEntry("size", 1_000_000L);
    assertThat(list(array.get("elements"))).hasSize(100).element(1).isEqualTo(42L);
    assertThat(Files.size(written(".json"))).isLessThan(20_000);
  }

  @Test
  void fieldsBeyondTheLimitAreLeftOutAndSaidSo() throws IOException {
    Map<String, Object> doc = dump(new DumpLimits(3, 100, 1000, 2, 1 << 20),
        List.of(new LocalView("item", "Item", false, new Item("A", 1, 2.0))));
    Map<String, Object> item = object(doc, local(doc, "item").get("value"));
    assertThat(list(item.get("fields"))).hasSize(2);
    assertThat(item).containsEntry("fieldsTruncated", true);
  }

  @Test
  void readingObjectsNeverRunsApplicationCode() throws IOException {
    HOSTILE_CALLS.set(0);
    Hostile hostile = new Hostile();
    Map<Object, Object> keyedByHostile = new HashMap<>();
    keyedByHostile.put("k", hostile);
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("hostile", "Hostile", false, hostile),
        new LocalView("again", "Hostile", false, hostile),
        new LocalView("list", "HostileList", false, new HostileList()),
        new LocalView("wrapped", "java.util.List", false, Collections.unmodifiableList(new HostileList())),
        new LocalView("map", "java.util.Map", false, keyedByHostile)));
    assertThat(HOSTILE_CALLS.get()).as("application methods called").isZero();
    Map<String, Object> list = object(doc, local(doc, "list").get("value"));
    assertThat(list).containsEntry("kind", "object").containsEntry("fieldsTruncated", true);
    assertThat(field(list, "tag")).isEqualTo("mine");
    assertThat((String) list.get("summary")).startsWith("DumpWriterTest.HostileList@");
  }

  @Test
  void closedJdkInternalsDegradeToASummaryNeverAnError() throws IOException {
    Map<String, Object> doc = dump(DumpLimits.DEFAULTS, List.of(
        new LocalView("thread", "java.lang.Thread", false, Thread.currentThread()),
        new LocalView("maybe", "java.util.Optional", false, Optional.of("x")),
        new LocalView("when", "java.time.Instant", false, Instant.parse("2026-11-25T22:59:21.010Z"))));
    Map<String, Object> thread = object(doc, local(doc, "thread").get("value"));
    assertThat(thread).containsEntry("type", "java.lang.Thread").containsEntry("fieldsTruncated", true);
    assertThat(object(doc, local(doc, "when").get("value"))).containsEntry("summary", "2026-11-25T22:59:21.010Z");
    assertThat(counters.get(Counter.DUMP_VALUE_UNREADABLE)).isZero();
  }

  @Test
  void textFileShowsWhereAndTheLocalsOfEveryCapturedFrame() throws IOException {
    Order order = new Order();
    writer(DumpLimits.DEFAULTS).writeNow(pm(2, "ShopTest.checkoutTotals",
        new IllegalStateException("total mismatch", new ArithmeticException("/ by zero")), List.of(
            new LocalView("this", "com.acme.Order", false, order),
            new LocalView("limit", "int", true, 100),
            new LocalView("label", "java.lang.String", false, "rush \"order\""))));
    List<String> lines = Files.readAllLines(written(".txt"));
    assertThat(lines.get(0)).startsWith("Post-mortem #2  ShopTest.checkoutTotals  thread main  ");
    assertThat(lines).contains("java.lang.IllegalStateException: total mismatch",
        "    #0 * at com.acme.Order.check(Order.java:42)",
        "    #1   at com.acme.Main.main(Main.java:9)",
        "Caused by: java.lang.ArithmeticException: / by zero",
        "->  #0 * at com.acme.Order.check(Order.java:42)",
        "name   type    value",
        "limit  int     100",
        "label  String  \"rush \\\"order\\\"\"");
    assertThat(lines).anyMatch(l -> l.matches("this   Order   DumpWriterTest\\.Order@\\p{XDigit}+ \\{id=7, total=12\\.50, "
        + "items=ArrayList size=2 \\[DumpWriterTest\\.Item@\\p{XDigit}+ \\{….*"));
  }

  @Test
  void renamedPostMortemIsWrittenAgainUnderItsFirstFileName() throws IOException {
    DumpWriter writer = writer(DumpLimits.DEFAULTS);
    IllegalStateException thrown = new IllegalStateException("x");
    writer.writeNow(pm(4, "java.lang.IllegalStateException", thrown, List.of()));
    Path first = written(".json");
    writer.writeNow(pm(4, "java.lang.IllegalStateException", thrown, List.of()));
    assertThat(counters.get(Counter.DUMPS_WRITTEN)).isEqualTo(1);
    writer.writeNow(pm(4, "OrderTest.totals", thrown, List.of()));
    assertThat(written(".json")).isEqualTo(first);
    assertThat(map(list(JsonTree.read(first).get("postMortems")).get(0))).containsEntry("name", "OrderTest.totals");
    assertThat(first.getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-IllegalStateException-4\\.json");
  }

  @Test
  void concurrentPromotionsAllGetTheirOwnFiles() throws Exception {
    DumpWriter writer = DumpWriter.start(dir, DumpLimits.DEFAULTS, Redaction.defaults(), counters, List::of, null);
    int threads = 8;
    int each = 25;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger ids = new AtomicInteger();
    List<Thread> promoters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread promoter = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          Order order = new Order();
          writer.promoted(pm(ids.incrementAndGet(), "java.lang.IllegalStateException",
              new IllegalStateException("t"), List.of(new LocalView("order", "Order", false, order))));
        }
      });
      promoter.start();
      promoters.add(promoter);
    }
    start.countDown();
    for (Thread promoter : promoters) {
      promoter.join(30_000);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (counters.get(Counter.DUMPS_WRITTEN) + counters.get(Counter.DUMPS_DEFERRED) < threads * each
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(counters.get(Counter.DUMPS_WRITTEN)).isEqualTo(threads * each);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jsons = files.filter(p -> p.toString().endsWith(".json")).toList();
      assertThat(jsons).hasSize(threads * each);
      for (Path json : jsons) {
        assertThat(JsonTree.read(json)).containsEntry("format", "rdb-dump");
      }
    }
  }

  @Test
  void unwritableDirectoryIsCountedAndReportedOnceOnStderr() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the directory should be");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      DumpWriter writer = new DumpWriter(blocker.resolve("dumps"), DumpLimits.DEFAULTS, Redaction.defaults(),
          counters, List::of, null);
      writer.writeNow(pm(List.of()));
      writer.writeNow(pm(2, "x", new IllegalStateException(), List.of()));
    } finally {
      System.setErr(err);
    }
    assertThat(counters.get(Counter.DUMP_FAILED)).isEqualTo(2);
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines().count()).as(printed).isEqualTo(1);
    assertThat(printed).startsWith("rdb: cannot write dump to " + blocker.resolve("dumps"));
  }

  @Test
  void fullQueueNeverHoldsThePromoterAndTheExitHookWritesWhatWasLeft() throws IOException {
    List<PostMortemView> kept = new ArrayList<>();
    for (int id = 1; id <= 258; id++) {
      kept.add(pm(id, "java.lang.IllegalStateException", new IllegalStateException("x"), List.of()));
    }
    // Not started: nothing drains the queue, as when rdb-dump is busy with a large dump.
    DumpWriter writer = new DumpWriter(dir, DumpLimits.DEFAULTS, Redaction.defaults(), counters, () -> kept, null);
    for (PostMortemView pm : kept.subList(0, 256)) {
      writer.promoted(pm);
    }
    // Would block for ever if the promoting thread waited for room; it gives up and counts instead.
    writer.promoted(kept.get(256));
    writer.promoted(kept.get(257));
    assertThat(counters.get(Counter.DUMPS_DEFERRED)).isEqualTo(2);
    writer.writeNow(kept.get(0));
    writer.writeRemaining();
    assertThat(counters.get(Counter.DUMPS_WRITTEN)).as("each kept post-mortem once").isEqualTo(258);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(258);
    }
  }
}
