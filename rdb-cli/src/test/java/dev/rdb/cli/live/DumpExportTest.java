package dev.rdb.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.core.Policy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph walk behind {@code rdb dump}: limits, shared objects, and exchanges in batches. */
class DumpExportTest {
  /** A linked chain, deeper than the dump's depth limit. */
  public static final class Node {
    final int value;
    final Node next;

    Node(int value, Node next) {
      this.value = value;
      this.next = next;
    }
  }

  /** Two objects that refer to each other. */
  public static final class Pair {
    Pair other;
    final String name;

    Pair(String name) {
      this.name = name;
    }
  }

  @TempDir Path dir;

  private final FakeAgent agent = FakeAgent.start(root(), Policy.readOnly());

  @AfterEach
  void close() {
    agent.close();
  }

  private static FakeAgent.Root root() {
    Node chain = null;
    for (int i = 9; i >= 0; i--) {
      chain = new Node(i, chain);
    }
    List<Pair> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(new Pair("p" + i));
    }
    Pair a = new Pair("a");
    Pair b = new Pair("b");
    a.other = b;
    b.other = a;
    FakeAgent.Root root = FakeAgent.empty();
    root.postMortems.add(new FakeAgent.PostMortemView(1, "2026-11-25T23:00:00Z", "main", "IllegalStateException",
        "java.lang.IllegalStateException", "boom", new IllegalStateException("boom"), List.of(
            new FakeAgent.FrameView("com.acme.Graph", "walk", "Graph.java", 5, true, true, List.of(
                new FakeAgent.LocalView("chain", Node.class.getName(), false, chain),
                new FakeAgent.LocalView("many", "java.util.List", false, many),
                new FakeAgent.LocalView("a", Pair.class.getName(), false, a),
                new FakeAgent.LocalView("b", Pair.class.getName(), false, b),
                new FakeAgent.LocalView("text", "java.lang.String", false, "x".repeat(5000)))))));
    return root;
  }

  private String dumpJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DumpExport(agent.debuggee, DumpLimits.DEFAULT, Map.of("agent", "fake")).writeJson(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theWalkTakesAFewExchangesNotOnePerObject() throws Exception {
    long before = agent.roundTrips();
    dumpJson();
    long exchanges = agent.roundTrips() - before;
    assertThat(exchanges).as("list, post-mortem, threads, one frame's locals, then one describe per level")
        .isLessThanOrEqualTo(7);
  }

  @Test
  void objectsPastTheDepthLimitAreMarkedTruncated() throws Exception {
    Path file = dir.resolve("d.json");
    new DumpExport(agent.debuggee, DumpLimits.DEFAULT, Map.of()).writeFile(file);
    try (DumpDebuggee dump = DumpDebuggee.open(file)) {
      var locals = dump.locals(1, 0, 5);
      Value.ObjectRef chain = (Value.ObjectRef) locals.find("chain").orElseThrow().value();
      var graph = dump.objects().describe(List.of(chain), 5);
      assertThat(graph.size()).as("chain nodes 1..3 written").isEqualTo(3);
      assertThat(Files.readString(file)).contains("\"reason\" : \"depth\"");
    }
  }

  @Test
  void aCycleIsWrittenOnceAndReadBackAsACycle() throws Exception {
    Path file = dir.resolve("d.json");
    new DumpExport(agent.debuggee, DumpLimits.DEFAULT, Map.of()).writeFile(file);
    try (DumpDebuggee dump = DumpDebuggee.open(file)) {
      var locals = dump.locals(1, 0, 3);
      Value.ObjectRef a = (Value.ObjectRef) locals.find("a").orElseThrow().value();
      Value.ObjectRef b = (Value.ObjectRef) locals.find("b").orElseThrow().value();
      var aFields = locals.graph().find(a).orElseThrow().fields();
      assertThat(aFields).filteredOn(f -> f.name().equals("other")).extracting(f -> ((Value.ObjectRef) f.value()).id())
          .containsExactly(b.id());
      var bFields = locals.graph().find(b).orElseThrow().fields();
      assertThat(bFields).filteredOn(f -> f.name().equals("other")).extracting(f -> ((Value.ObjectRef) f.value()).id())
          .containsExactly(a.id());
    }
  }

  @Test
  void collectionsKeepTheElementLimitAndTheirFullSize() throws Exception {
    Path file = dir.resolve("d.json");
    new DumpExport(agent.debuggee, DumpLimits.DEFAULT, Map.of()).writeFile(file);
    try (DumpDebuggee dump = DumpDebuggee.open(file)) {
      var locals = dump.locals(1, 0, 1);
      var many = locals.graph().find((Value.ObjectRef) locals.find("many").orElseThrow().value()).orElseThrow();
      assertThat(many.size()).isEqualTo(300);
      assertThat(many.elements()).hasSize(100);
      assertThat(many.complete()).isFalse();
    }
  }

  @Test
  void longStringsAreCutToTheLimitWithTheirLength() throws Exception {
    Path file = dir.resolve("d.json");
    new DumpExport(agent.debuggee, DumpLimits.DEFAULT, Map.of()).writeFile(file);
    try (DumpDebuggee dump = DumpDebuggee.open(file)) {
      Value text = dump.locals(1, 0, 0).find("text").orElseThrow().value();
      assertThat(text).isEqualTo(new Value.Text("x".repeat(1000), 5000));
    }
  }

  @Test
  void aSmallBudgetKeepsTheNearestObjects() throws Exception {
    Path file = dir.resolve("d.json");
    new DumpExport(agent.debuggee, new DumpLimits(3, 100, 1000, 50, 2_000), Map.of()).writeFile(file);
    String json = Files.readString(file);
    assertThat(json).contains("\"reason\" : \"budget\"");
    try (DumpDebuggee dump = DumpDebuggee.open(file)) {
      var locals = dump.locals(1, 0, 0);
      Value.ObjectRef chain = (Value.ObjectRef) locals.find("chain").orElseThrow().value();
      assertThat(locals.graph().find(chain)).as("a local's own object comes first").isPresent();
    }
  }
}
