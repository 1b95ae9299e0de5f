package dev.rdb.agent.it;

import static dev.rdb.agent.dump.JsonTree.list;
import static dev.rdb.agent.dump.JsonTree.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.dump.JsonTree;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump=DIR} in real JVMs: a crashing target, and demo/ci-example's failing test under Maven. */
class DumpIT {

  private static final Path CI_EXAMPLE = Path.of("..", "demo", "ci-example").toAbsolutePath().normalize();

  static List<String> javaHomes() {
    return TargetJvm.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void crashingTargetLeavesAJsonAndATextDumpWithEveryCapturedFramesLocals(String javaHome) throws Exception {
    Path dir = Files.createTempDirectory("rdb-dumps");
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*,dump=" + dir, "uncaught");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    Path json = only(dir, ".json");
    Path txt = only(dir, ".txt");
    assertThat(json.getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-ArithmeticException-1\\.json");
    assertThat(txt.getFileName().toString()).isEqualTo(json.getFileName().toString().replace(".json", ".txt"));

    Map<String, Object> doc = JsonTree.read(json);
    assertThat(doc).containsEntry("format", "rdb-dump").containsEntry("version", 1L);
    Map<String, Object> pm = map(list(doc.get("postMortems")).get(0));
    assertThat(map(pm.get("exception"))).containsEntry("type", "java.lang.ArithmeticException");
    List<Object> frames = list(pm.get("frames"));
    assertThat(frames).extracting(f -> map(f).get("method")).startsWith("divide", "total", "main");
    Map<String, Object> divide = map(frames.get(0));
    assertThat(divide).containsEntry("class", "sample.Shop").containsEntry("captured", true);
    assertThat(locals(divide)).containsEntry("amount", 270L).containsEntry("by", 0L)
        .containsEntry("ratio", 2.7).containsEntry("label", "by 0");
    Map<String, Object> total = map(frames.get(1));
    Map<String, Object> shop = map(map(doc.get("objects")).get(map(locals(total).get("this")).get("ref")));
    Map<String, Object> prices = map(map(doc.get("objects")).get(map(field(shop, "prices")).get("ref")));
    assertThat(prices).containsEntry("type", "java.util.ArrayList").containsEntry("size", 2L)
        .containsEntry("elements", List.of(1L, 2L));

    String text = Files.readString(txt, StandardCharsets.UTF_8);
    assertThat(text).contains("java.lang.ArithmeticException: / by zero",
        "    #0 * at sample.Shop.divide(Shop.java:", "->  #1 * at sample.Shop.total(Shop.java:");
    assertThat(text.lines()).anyMatch(l -> l.matches("label +String +\"by 0\""))
        .anyMatch(l -> l.matches("this +Shop +Shop@\\p{XDigit}+ \\{prices=ArrayList size=2 \\[1, 2]}"));
    assertThat(run.counter("dumpFailed")).isZero();
    assertThat(run.counter("bridgeError")).isZero();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void richGraphKeepsSharedObjectsCyclesAndLimitsAndNeverWritesSecrets(String javaHome) throws Exception {
    Path dir = Files.createTempDirectory("rdb-dumps");
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*,dump=" + dir, "warehouse");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    Path json = only(dir, ".json");
    String raw = Files.readString(json, StandardCharsets.UTF_8);
    String text = Files.readString(only(dir, ".txt"), StandardCharsets.UTF_8);
    for (String secret : List.of("hunter2", "tok-secret-123", "key-local-456")) {
      assertThat(raw).as("json").doesNotContain(secret);
      assertThat(text).as("txt").doesNotContain(secret);
    }
    if (javaHome.equals(System.getProperty("java.home"))) {
      // The sample rdb-cli's reader is checked against (docs/DUMP-FORMAT.md, "agent-written.json").
      Files.copy(json, Path.of("target", "agent-written.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, Object> doc = JsonTree.read(json);
    Map<String, Object> objects = map(doc.get("objects"));
    List<Object> frames = list(map(list(doc.get("postMortems")).get(0)).get("frames"));
    Map<String, Object> allocate = locals(map(frames.get(0)));
    Map<String, Object> restock = locals(map(frames.get(1)));
    assertThat(allocate).containsEntry("wanted", 4L).containsEntry("free", 0L).containsEntry("ratio", 2.5)
        .containsEntry("apiKey", Map.of("redacted", true));
    assertThat(restock).containsEntry("apiKey", Map.of("redacted", true));
    Object binRef = map(allocate.get("bin")).get("ref");
    assertThat(map(restock.get("first")).get("ref")).as("one object, one id").isEqualTo(binRef);
    String warehouseId = (String) map(allocate.get("this")).get("ref");
    assertThat(map(restock.get("warehouse")).get("ref")).isEqualTo(warehouseId);

    Map<String, Object> warehouse = map(objects.get(warehouseId));
    assertThat(field(warehouse, "name")).isEqualTo("north");
    assertThat(field(warehouse, "password")).isEqualTo(Map.of("redacted", true));
    assertThat(field(warehouse, "grade")).isEqualTo("Q");
    assertThat(field(warehouse, "boxed")).isEqualTo(Map.of("boxed", "java.lang.Long", "value", 5L));
    assertThat(field(warehouse, "zone")).isEqualTo(Map.of("enum", "sample.Warehouse$Zone", "name", "DRY"));
    assertThat(map(field(warehouse, "notes"))).containsEntry("length", 1500L);
    Map<String, Object> counts = map(objects.get(map(field(warehouse, "counts")).get("ref")));
    assertThat(counts).containsEntry("type", "long[]")
        .containsEntry("elements", List.of("9007199254740993", -1L, 0L));
    Map<String, Object> tags = map(objects.get(map(field(warehouse, "tags")).get("ref")));
    assertThat(tags).as("a wrapper is not iterated, but shows what it wraps")
        .containsEntry("type", "java.util.Collections$UnmodifiableRandomAccessList").containsEntry("kind", "object");
    assertThat(map(objects.get(map(field(tags, "list")).get("ref")))).containsEntry("type", "java.util.ArrayList")
        .containsEntry("elements", List.of("fragile", "cold"));
    Map<String, Object> bin = map(objects.get(binRef));
    assertThat(map(field(bin, "owner")).get("ref")).as("cycle back to the warehouse").isEqualTo(warehouseId);
    assertThat(objects.get(map(field(bin, "weight")).get("ref"))).extracting(o -> map(o).get("summary"))
        .isEqualTo("0.25");
    Map<String, Object> settings = map(objects.get(map(field(warehouse, "settings")).get("ref")));
    assertThat(list(settings.get("entries"))).extracting(e -> map(e).get("key"))
        .containsExactly("apiToken", "region", "favourite");
    assertThat(map(list(settings.get("entries")).get(0)).get("value")).isEqualTo(Map.of("redacted", true));
    Map<String, Object> favourite = map(map(list(settings.get("entries")).get(2)).get("value"));
    Map<String, Object> bins = map(objects.get(map(field(warehouse, "bins")).get("ref")));
    assertThat(map(list(bins.get("elements")).get(1)).get("ref")).isEqualTo(favourite.get("ref"));
    assertThat(text.lines()).anyMatch(l -> l.matches("apiKey +String +<redacted>"));
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void unwritableDumpDirectoryCostsOneLineOnStderrAndNothingElse(String javaHome) throws Exception {
    Path blocker = Files.createTempFile("rdb-not-a-dir", ".txt");
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*,dump=" + blocker.resolve("dumps"), "explicit");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("caught and kept");
    List<String> lines = run.stderr().lines().toList();
    assertThat(lines).as(run.stderr()).hasSize(2);
    assertThat(lines).anyMatch(l -> l.startsWith("rdb: capturing sample.*"))
        .anyMatch(l -> l.startsWith("rdb: cannot write dump to " + blocker.resolve("dumps")));
    assertThat(run.lines("pm")).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void ciExampleFailingTestLeavesADumpNamedAfterTheTestWithItsLocalsAndTheApplicationFrames(String javaHome)
      throws Exception {
    Path project = copyOfCiExample();
    MavenRun maven = maven(project, javaHome);
    assertThat(maven.output()).as(maven.output())
        .contains("Tests run: 5, Failures: 0, Errors: 1, Skipped: 0")
        .contains("AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat")
        .doesNotContain("NoClassDefFoundError", "ServiceConfigurationError", "Corrupted channel");
    Path dumps = project.resolve("target").resolve("rdb");
    Path json = only(dumps, ".json");
    String text = Files.readString(only(dumps, ".txt"), StandardCharsets.UTF_8);

    Map<String, Object> pm = map(list(JsonTree.read(json).get("postMortems")).get(0));
    assertThat(pm).containsEntry("name", "AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat");
    assertThat(map(pm.get("exception"))).containsEntry("type", "java.lang.IllegalArgumentException")
        .containsEntry("message", "no VAT rate for region AT; known: [DE, FR, NL]");
    List<Map<String, Object>> captured = list(pm.get("frames")).stream().map(JsonTree::map)
        .filter(f -> Boolean.TRUE.equals(f.get("captured"))).toList();
    assertThat(captured).extracting(f -> f.get("class") + "." + f.get("method")).containsExactly(
        "com.acme.pricing.VatTable.rateFor", "com.acme.pricing.Quoter.vatOn", "com.acme.pricing.Quoter.quote",
        "com.acme.pricing.AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat");
    assertThat(locals(captured.get(0))).containsEntry("region", "AT").containsEntry("rate", null);
    Map<String, Object> test = locals(captured.get(3));
    assertThat(test).containsKeys("this", "basket").containsEntry("region", "AT");

    assertThat(text).startsWith("Post-mortem #1  AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat  thread main")
        .contains("->  #3 * at com.acme.pricing.AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat(AustrianQuoteTest.java:");
    assertThat(text.lines()).anyMatch(l -> l.matches("basket +Map +TreeMap size=2 \\{NB-A5=12, PEN-1=50}"))
        .anyMatch(l -> l.matches("net +BigDecimal +249\\.30"));
  }

  @org.junit.jupiter.api.Test
  void ciExampleUnderFailsafeLeavesTheSameDump() throws Exception {
    Path project = copyOfCiExample();
    MavenRun maven = maven(project, System.getProperty("java.home"), "test-compile",
        "org.apache.maven.plugins:maven-failsafe-plugin:3.6.1:integration-test", "-Dit.test=AustrianQuoteTest",
        // The example configures rdb.failing for Surefire only; Failsafe takes it from the command line.
        "-Drdb.failing=true");
    assertThat(maven.output()).as(maven.output()).contains("Tests run: 1, Failures: 0, Errors: 1, Skipped: 0");
    Path json = only(project.resolve("target").resolve("rdb"), ".json");
    assertThat(map(list(JsonTree.read(json).get("postMortems")).get(0)))
        .containsEntry("name", "AustrianQuoteTest.austrianQuoteChargesTwentyPercentVat");
  }

  @org.junit.jupiter.api.Test
  void junitListenerSwitchedOffKeepsNoPostMortemOfTheFailingTest() throws Exception {
    Path project = copyOfCiExample();
    MavenRun maven = maven(project, System.getProperty("java.home"), "test", "-Drdb.junit.enabled=false");
    assertThat(maven.output()).as(maven.output()).contains("rdb: capturing com.acme.*")
        .contains("Tests run: 5, Failures: 0, Errors: 1, Skipped: 0");
    try (Stream<Path> files = Files.list(project.resolve("target").resolve("rdb"))) {
      assertThat(files).as("dumps with rdb.junit.enabled=false").isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void redactOptionHidesTheSameNamesInDumps() throws Exception {
    Path dir = Files.createTempDirectory("rdb-dumps");
    TargetJvm.Run run = TargetJvm.run(System.getProperty("java.home"),
        "includes=sample.*,dump=" + dir + ",redact=label|amount", "uncaught");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    Map<String, Object> divide = map(list(map(list(JsonTree.read(only(dir, ".json")).get("postMortems")).get(0))
        .get("frames")).get(0));
    assertThat(locals(divide)).containsEntry("label", Map.of("redacted", true))
        .containsEntry("amount", Map.of("redacted", true)).containsEntry("by", 0L);
  }

  // --- helpers ---

  private static Map<String, Object> locals(Map<String, Object> frame) {
    Map<String, Object> byName = new java.util.LinkedHashMap<>();
    list(frame.get("locals")).forEach(l -> byName.put((String) map(l).get("name"), map(l).get("value")));
    return byName;
  }

  private static Object field(Map<String, Object> object, String name) {
    return list(object.get("fields")).stream().map(JsonTree::map).filter(f -> name.equals(f.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no field " + name + " in " + object)).get("value");
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
      assertThat(found).as("%s files in %s", suffix, dir).hasSize(1);
      return found.get(0);
    }
  }

  private static Path copyOfCiExample() throws IOException {
    Path copy = Files.createTempDirectory("rdb-ci-example");
    try (Stream<Path> files = Files.walk(CI_EXAMPLE)) {
      for (Path p : files.filter(p -> !CI_EXAMPLE.relativize(p).startsWith("target"))
          .sorted(Comparator.naturalOrder()).toList()) {
        Path target = copy.resolve(CI_EXAMPLE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  private record MavenRun(int exitCode, String output) {}

  /**
   * {@code mvn test -Prdb-failing -DrdbAgent=…} on {@code project}, the test JVM on {@code javaHome}.
   * Offline first (CI machines and this one have the example's plugins cached); online when the
   * local repository lacks something.
   */
  private static MavenRun maven(Path project, String javaHome, String... goalsAndProperties) throws Exception {
    String mvn = onPath("mvn");
    Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH");
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-f", project.resolve("pom.xml").toString(),
        "-Prdb-failing", "-DrdbAgent=" + TargetJvm.AGENT_JAR, "-Djvm=" + Path.of(javaHome, "bin", "java")));
    command.addAll(goalsAndProperties.length == 0 ? List.of("test") : List.of(goalsAndProperties));
    List<String> offline = new ArrayList<>(command);
    offline.add(1, "-o");
    MavenRun run = run(offline, project);
    if (run.output().contains("offline") && (run.output().contains("Cannot access")
        || run.output().contains("has not been downloaded") || run.output().contains("Could not resolve"))) {
      run = run(command, project);
    }
    return run;
  }

  private static MavenRun run(List<String> command, Path dir) throws Exception {
    Path log = Files.createTempFile("rdb-mvn", ".log");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("mvn did not end in 300 s: " + command);
    }
    return new MavenRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, program);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
