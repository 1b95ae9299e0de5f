package dev.rdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.rdb.cli.live.FakeAgent;
import dev.rdb.cli.live.TcpAgent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rdb dump} against an agent on a loopback socket: files, stdout forms, exit codes. */
class DumpCommandTest {
  private static final String TOKEN = "s3cret";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run rdb(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RdbCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aDumpDirectoryReadsBackWithTheSameWhereAndLocalsAsLive() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Run dump = rdb("dump", agent.address(), "--token", TOKEN, "-o", dir.resolve("dumps").toString());
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      List<Path> files;
      try (Stream<Path> listing = Files.list(dir.resolve("dumps"))) {
        files = listing.sorted().toList();
      }
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactly("2026-11-25T23-00-00Z-ArithmeticException-1.json", "2026-11-25T23-00-00Z-ArithmeticException-1.txt");
      String script = "where; locals; p items[\"apples\"]; up; locals; p customer";
      Run live = rdb("attach", agent.address(), "--token", TOKEN, "-c", script);
      Run offline = rdb("open", files.get(0).toString(), "-c", script);
      assertThat(offline.exit()).as("stderr: %s", offline.err()).isZero();
      assertThat(offline.out()).isEqualTo(live.out());
      assertThat(Files.readString(files.get(1))).contains("com.acme.Cart.total(Cart.java:21)")
          .contains("{apples=3, pears=0}").contains("\"Ada\"");
    }
  }

  @Test
  void aPidDumpsThroughItsAgentFileAndNamesTheJvm() throws Exception {
    long self = ProcessHandle.current().pid();
    String savedHome = System.getProperty("user.home");
    System.setProperty("user.home", dir.toString());
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Path agents = Files.createDirectories(dir.resolve(".rdb/agents"));
      Path file = agents.resolve(self + ".json");
      Files.writeString(file, "{\"format\": 1, \"pid\": " + self + ", \"host\": \"127.0.0.1\", \"port\": "
          + agent.port() + ", \"token\": \"" + TOKEN + "\", \"tls\": false, \"policy\": \"readonly\", "
          + "\"mainClass\": \"com.acme.Shop\", \"javaVersion\": \"17.0.15\"}");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Run dump = rdb("dump", Long.toString(self), "--json");
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      assertThat(dump.out()).contains("\"pid\" : " + self).contains("\"mainClass\" : \"com.acme.Shop\"")
          .contains("\"agent\" : \"" + agent.address() + "\"");
    } finally {
      System.setProperty("user.home", savedHome);
    }
  }

  @Test
  void withoutOutputTheTextGoesToStdout() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Run dump = rdb("dump", agent.address(), "--token", TOKEN);
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      assertThat(dump.out()).startsWith("Post-mortem #1 ").contains("--- frame #0 com.acme.Cart.total(Cart.java:21)")
          .contains("count");
    }
  }

  @Test
  void jsonGoesToStdoutAsOneDocument() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Run dump = rdb("dump", agent.address(), "--token", TOKEN, "--json");
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      try (JsonParser json = new JsonFactory().createParser(dump.out())) {
        while (json.nextToken() != null) {
          json.skipChildren();
        }
      }
      assertThat(dump.out()).contains("\"format\" : \"rdb-dump\"").contains("\"postMortems\"");
    }
  }

  @Test
  void oneFileHoldsEveryPostMortemWithItsTextBeside() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Run dump = rdb("dump", agent.address(), "--token", TOKEN, "-o", dir.resolve("all.json").toString());
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      assertThat(dir.resolve("all.json")).exists();
      assertThat(dir.resolve("all.txt")).exists();
      assertThat(rdb("open", dir.resolve("all.json").toString(), "-c", "locals").exit()).isZero();
    }
  }

  @Test
  void aTargetWithoutPostMortemsIsExitThree() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null, FakeAgent.empty())) {
      Run dump = rdb("dump", agent.address(), "--token", TOKEN, "-o", dir.toString());
      assertThat(dump.exit()).isEqualTo(Exit.NO_POST_MORTEM.code());
      assertThat(dump.err().strip()).isEqualTo("rdb: " + agent.address() + ": the target has no post-mortem");
    }
  }

  @Test
  void aWrongTokenIsExitTwo() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      Run dump = rdb("dump", agent.address(), "--token", "nope");
      assertThat(dump.exit()).isEqualTo(2);
      assertThat(dump.err().lines()).hasSize(1);
    }
  }
}
