package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A guard: every command README.md tells a user to type is run by a test — the test named here,
 * whose source must contain the command (or the exact call that runs it). A new command in the
 * README fails this test until a test runs it.
 */
class ReadmeCommandsTest {
  /** README command → (test source under the checkout, text of the test that runs that command). */
  private static final Map<String, Exercised> EXERCISED = Map.ofEntries(
      Map.entry("./rdb demo", new Exercised("demo/src/test/java/dev/rdb/demo/launcher/RdbDemoIT.java",
          "Launcher.start(home, \"demo\")")),
      Map.entry("./rdb demo --seed", new Exercised("demo/src/test/java/dev/rdb/demo/launcher/SeedDemoIT.java",
          "Launcher.start(home, \"demo\", \"--seed\")")),
      Map.entry("mvn -B verify", new Exercised("pom.xml", "<module>demo</module>")),
      Map.entry(ReadmeIT.SERVICE, readmeIt()),
      Map.entry("./rdb ps", readmeIt()),
      Map.entry("./rdb attach 127.0.0.1:7777", readmeIt()),
      Map.entry("./rdb attach 127.0.0.1:7777 -c 'where; up 5; locals; p order.items[0].price'", readmeIt()),
      Map.entry("./rdb attach 127.0.0.1:7777 --json -c 'locals'", readmeIt()),
      Map.entry("./rdb dump 127.0.0.1:7777 -o crash-dumps", readmeIt()),
      Map.entry("./rdb open crash-dumps -c 'where; locals'", readmeIt()),
      // Mirrored: the same command with the pid and agent options of a test target.
      Map.entry("./rdb inject 12345 includes=com.acme.*", new Exercised(
          "rdb-cli/src/test/java/dev/rdb/cli/it/LiveAgentIT.java", "rdb(\"\", \"inject\", Long.toString(plain.pid())")),
      // Mirrored: DumpIT runs this Maven command on a copy of demo/ci-example and reads the dumps.
      Map.entry("mvn -B -f demo/ci-example/pom.xml test -Prdb-failing -DrdbAgent=$PWD/rdb-agent/target/rdb-agent.jar",
          new Exercised("rdb-agent/src/test/java/dev/rdb/agent/it/DumpIT.java", "\"-Prdb-failing\"")),
      Map.entry("./rdb open demo/ci-example/target/rdb -c 'where; locals'", readmeIt()));

  record Exercised(String testSource, String needle) {}

  private static Exercised readmeIt() {
    return new Exercised("demo/src/test/java/dev/rdb/demo/launcher/ReadmeIT.java", "Readme.blockWith(");
  }

  @Test
  void everyReadmeCommandIsRunByANamedTest() throws Exception {
    assertThat(Readme.commands()).as("commands in README.md's sh blocks").isNotEmpty();
    for (String command : Readme.commands()) {
      Exercised exercised = EXERCISED.get(command);
      assertThat(exercised).as("README.md command without a test that runs it: %s", command).isNotNull();
      Path source = Launcher.ROOT.resolve(exercised.testSource());
      assertThat(Files.readString(source, StandardCharsets.UTF_8))
          .as("%s runs '%s'", source, command).contains(exercised.needle());
    }
  }
}
