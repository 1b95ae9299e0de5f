package dev.rdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.demo.Checkout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rdb demo}'s answers that need no demo JVM; the runs themselves are demo's ITs. */
class DemoCommandTest {
  @TempDir Path checkout;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void forgetCheckout() {
    System.clearProperty("rdb.root");
  }

  private int rdb(String... args) {
    CommandLine commandLine = RdbCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void anUnbuiltCheckoutIsOneLineSayingHowToBuildIt() {
    System.setProperty("rdb.root", checkout.toString());

    int exit = rdb("demo");

    assertThat(exit).isEqualTo(Exit.FAILED.code());
    assertThat(err.toString().lines()).as("stderr: %s", err).hasSize(1);
    assertThat(err.toString()).startsWith("rdb: the demo is not built (missing " + checkout.resolve("rdb-agent"))
        .contains(Checkout.BUILD).doesNotContain("\tat ");
    assertThat(out.toString()).as("nothing started").isEmpty();
  }

  @Test
  void theLauncherChecksTheSameArtifactsTheCommandNeeds() throws Exception {
    String launcher = java.nio.file.Files.readString(Path.of("..", "rdb"));
    Checkout layout = new Checkout(Path.of("ROOT"));

    for (Path artifact : layout.missing()) {
      assertThat(launcher).as("./rdb builds when %s is missing", artifact)
          .contains("$root/" + Path.of("ROOT").relativize(artifact));
    }
    assertThat(launcher).contains("-pl \"$modules\" -am package -DskipTests").contains("modules=rdb-cli,rdb-agent,demo");
  }
}
