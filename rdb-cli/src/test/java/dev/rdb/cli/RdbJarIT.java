package dev.rdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as users run it: {@code java -jar rdb.jar open …} in a real process, stdin piped,
 * on the build's JDK and, when installed, on JDK 25 (where JLine would warn about native access
 * without the manifest entry).
 */
class RdbJarIT {
  private static final Path JAR = Path.of("target/rdb.jar");
  private static final Path DUMP = Path.of("src/test/resources/dumps/shop.json");

  private record Run(int exit, String out, String err) {}

  private static Run run(String java, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rdb exited").isTrue();
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private static List<String> javas() {
    List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String jdk25 = System.getProperty("rdb.it.jdk25", "");
    if (!jdk25.isEmpty() && Files.isExecutable(Path.of(jdk25, "bin", "java"))) {
      javas.add(Path.of(jdk25, "bin", "java").toString());
    }
    return javas;
  }

  @Test
  void theReplReadsPipedCommandsAndPrintsNoWarnings() throws Exception {
    for (String java : javas()) {
      Run run = run(java, "where\np order\nquit\n", "open", DUMP.toString());
      assertThat(run.exit()).as("exit on %s: %s", java, run.err()).isZero();
      assertThat(run.out()).as("on %s", java).contains("rdb #2 0:Order.check> ").contains("->  #0 * at com.acme.Order.check");
      assertThat(run.err()).as("stderr on %s", java).isEmpty();
    }
  }

  @Test
  void jsonReadsCommandsFromStdinWhenNoneAreGiven() throws Exception {
    Run run = run(javas().get(0), "p id\np nope\n", "open", DUMP.toString(), "--json");
    assertThat(run.exit()).isEqualTo(Exit.FAILED.code());
    assertThat(run.out().lines()).hasSize(2).first().asString().startsWith("{\"command\":\"p id\",\"ok\":true");
  }

  @Test
  void aTruncatedDumpIsOneLineAndExitOne() throws Exception {
    Path cut = Files.createTempFile("rdb-cut-", ".json");
    try {
      Files.writeString(cut, Files.readString(DUMP).substring(0, 500));
      Run run = run(javas().get(0), "", "open", cut.toString());
      assertThat(run.exit()).isEqualTo(Exit.FAILED.code());
      assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("rdb: " + cut.getFileName() + ": line ");
    } finally {
      Files.delete(cut);
    }
  }
}
