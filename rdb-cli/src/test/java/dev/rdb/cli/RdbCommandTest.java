package dev.rdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rdb.cli.dump.Dumps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user and a CI job see it: output, errors and exit codes. */
class RdbCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int rdb(String... args) {
    return run(RdbCommand.commandLine(), args);
  }

  private int run(CommandLine commandLine, String... args) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static String shop() {
    return Dumps.path("shop.json").toString();
  }

  private void assertOneLineErrorWithoutStackTrace() {
    assertThat(err.toString().lines()).as("stderr: %s", err).hasSize(1);
    assertThat(err.toString()).startsWith("rdb: ").doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void aRunThatNamesOneSubcommandAnswersAsTheWholeCommandLine() {
    String[][] runs = {{"open", "--help"}, {"open"}, {"open", shop(), "-c", "where; locals"},
        {"open", dir.resolve("missing.json").toString()}, {"open", "--bogus"}, {"attach", "not:a:port"},
        {"dump", "--help"}, {"ps", "--help"}, {"inject", "--help"}, {"demo", "--help"}, {"completion"},
        {"help", "open"}, {"opne"}, {"--version"}};
    for (String[] args : runs) {
      int wholeExit = rdb(args);
      String whole = out + "|" + err;
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      int aloneExit = run(RdbCommand.commandLineFor(args), args);
      assertThat(aloneExit).as("exit of rdb %s", String.join(" ", args)).isEqualTo(wholeExit);
      assertThat(out + "|" + err).as("output of rdb %s", String.join(" ", args)).isEqualTo(whole);
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
    }
  }

  @Test
  void helpFootersListEveryExitCode() {
    for (String[] args : new String[][] {{"--help"}, {"open", "--help"}, {"completion", "--help"}}) {
      out.getBuffer().setLength(0);
      assertThat(rdb(args)).isEqualTo(Exit.OK.code());
      for (Exit exit : Exit.values()) {
        assertThat(out.toString()).as("help of %s", String.join(" ", args)).contains("  " + exit.code() + "  ");
      }
    }
  }

  @Test
  void versionWorksOnEveryCommand() {
    for (String[] args : new String[][] {{"--version"}, {"open", "--version"}, {"completion", "-V"}}) {
      assertThat(rdb(args)).isEqualTo(Exit.OK.code());
    }
    assertThat(out.toString()).startsWith("rdb 0.").contains("JVM: ");
  }

  @Test
  void commandsRunInOrderAndExitZero() {
    assertThat(rdb("open", shop(), "-c", "where; up; locals; p order.items[0].sku")).isEqualTo(Exit.OK.code());
    assertThat(out.toString()).contains("->  #0 * at com.acme.Order.check").contains("->  #1 * at com.acme.Shop.checkout")
        .contains("attempt   int ").endsWith("\"A-1\"\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFailingCommandStopsTheScriptWithExitOneAndOneLine() {
    assertThat(rdb("open", shop(), "-c", "where; p nope; locals")).isEqualTo(Exit.FAILED.code());
    assertThat(err.toString()).isEqualTo("error: unknown name 'nope': not a local, a field of this, or a static field\n");
    assertThat(out.toString()).doesNotContain("name      type");
    assertThat(rdb("open", shop(), "-c", "bogus")).isEqualTo(Exit.FAILED.code());
  }

  @Test
  void aDumpWithoutPostMortemsExitsThree() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"),
        "{\"format\":\"rdb-dump\",\"version\":1,\"created\":\"x\",\"jvm\":{},\"postMortems\":[],\"objects\":{}}");
    assertThat(rdb("open", empty.toString(), "-c", "where")).isEqualTo(Exit.NO_POST_MORTEM.code());
    assertThat(err.toString()).isEqualTo("error: no post-mortem: dump empty.json has none\n");
  }

  @Test
  void corruptOrTruncatedDumpsExitOneWithOneLine() throws IOException {
    String full = Files.readString(Dumps.path("shop.json"));
    Path cut = Files.writeString(dir.resolve("cut.json"), full.substring(0, full.length() - 40));
    assertThat(rdb("open", cut.toString(), "-c", "where")).isEqualTo(Exit.FAILED.code());
    assertOneLineErrorWithoutStackTrace();
    assertThat(err.toString()).startsWith("rdb: cut.json: line ");
  }

  @Test
  void binaryGarbageAndMissingFilesExitOneWithOneLine() throws IOException {
    Path garbage = Files.write(dir.resolve("garbage.json"), new byte[] {(byte) 0xff, 0, 1, 2, '{', '"'});
    assertThat(rdb("open", garbage.toString())).isEqualTo(Exit.FAILED.code());
    assertOneLineErrorWithoutStackTrace();
    err.getBuffer().setLength(0);
    assertThat(rdb("open", dir.resolve("absent.json").toString())).isEqualTo(Exit.FAILED.code());
    assertOneLineErrorWithoutStackTrace();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(rdb("open")).isEqualTo(Exit.USAGE.code());
    assertThat(err.toString()).contains("Missing required parameter").contains("rdb open --help");
    assertThat(rdb("frobnicate")).isEqualTo(Exit.USAGE.code());
    assertThat(rdb()).isEqualTo(Exit.USAGE.code());
  }

  @Test
  void jsonPrintsOneDocumentPerCommandResult() throws IOException {
    assertThat(rdb("open", shop(), "--json", "-c", "exceptions; where; p id; p limit / 0")).isEqualTo(Exit.FAILED.code());
    var lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    JsonFactory json = new JsonFactory();
    for (String line : lines) {
      try (JsonParser parser = json.createParser(line)) {
        assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        parser.skipChildren();
        assertThat(parser.nextToken()).as("one document in <%s>", line).isNull();
      }
    }
    assertThat(lines.get(2)).isEqualTo(
        "{\"command\":\"p id\",\"ok\":true,\"result\":{\"expression\":\"id\",\"type\":\"long\",\"value\":7,\"text\":\"long 7\"}}");
    assertThat(lines.get(3)).contains("\"ok\":false").contains("division by zero").contains("\"kind\":\"failed\"");
  }

  @Test
  void aScriptFileRunsLikeCommands() throws IOException {
    Path script = Files.writeString(dir.resolve("walk.rdb"), "# walk the crash\nwhere\n\nup ; args\np \"a;b\" + attempt\n");
    assertThat(rdb("open", shop(), "--script", script.toString())).isEqualTo(Exit.OK.code());
    assertThat(out.toString()).contains("order  Order ").endsWith("\"a;b3\"\n");
    assertThat(rdb("open", shop(), "--script", dir.resolve("none.rdb").toString())).isEqualTo(Exit.USAGE.code());
  }

  @Test
  void aDirectoryOpensAllItsDumps() throws IOException {
    Files.copy(Dumps.path("shop.json"), dir.resolve("a.json"));
    Files.copy(Dumps.path("shop.json"), dir.resolve("b.json"));
    assertThat(rdb("open", dir.toString(), "-c", "exceptions")).isEqualTo(Exit.OK.code());
    assertThat(out.toString().lines()).hasSize(4).allMatch(l -> l.contains(".json)"));
  }

  @Test
  void failureKindsMapToTheDocumentedExitCodes() {
    assertThat(Exit.of(dev.rdb.cli.repl.Failure.Kind.FAILED)).isEqualTo(Exit.FAILED);
    assertThat(Exit.of(dev.rdb.cli.repl.Failure.Kind.CANCELLED)).isEqualTo(Exit.FAILED);
    assertThat(Exit.of(dev.rdb.cli.repl.Failure.Kind.NO_POST_MORTEM)).isEqualTo(Exit.NO_POST_MORTEM);
    assertThat(Exit.of(dev.rdb.cli.repl.Failure.Kind.TARGET_LOST).code()).as("connection failures").isEqualTo(2);
  }

  @Test
  void completionPrintsABashAndZshScript() {
    assertThat(rdb("completion")).isEqualTo(Exit.OK.code());
    assertThat(out.toString()).contains("complete -F").contains("open").contains("--source-path");
  }
}
