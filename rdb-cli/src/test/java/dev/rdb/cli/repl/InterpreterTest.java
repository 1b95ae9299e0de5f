package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.dump.Dumps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every REPL command, run through the interpreter against the shop dump. */
class InterpreterTest {
  @TempDir Path sources;

  private Interpreter interpreter(List<Path> sourcePath) {
    Session session = new Session(Dumps.shop(), sourcePath);
    session.selectNewest();
    return new Interpreter(session, new CommandTable());
  }

  private final Interpreter repl = interpreter(List.of());

  private String ok(String line) {
    Result result = repl.run(line);
    assertThat(result.failure()).as("failure of <%s>", line).isNull();
    return result.reply().lines().stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
  }

  private Failure failed(String line) {
    Result result = repl.run(line);
    assertThat(result.ok()).as("<%s> should fail", line).isFalse();
    return result.failure();
  }

  @Test
  void exceptionsListsPostMortemsWithTheSelectedOneMarked() {
    assertThat(ok("exceptions")).contains("> #2 ").contains("  #1 ").contains("[ShopTest.checkoutTotals]");
    assertThat(ok("ls")).isEqualTo(ok("exceptions"));
  }

  @Test
  void pmSelectsAPostMortemAtItsFirstCapturedFrame() {
    assertThat(ok("pm 1")).contains("Post-mortem #1").contains("->  #0 * at com.acme.Pricing.unitPrice(Pricing.java:8)");
    assertThat(repl.session().prompt()).isEqualTo("rdb #1 0:Pricing.unitPrice> ");
    assertThat(ok("pm")).contains("Post-mortem #2");
    assertThat(failed("pm 9").message()).isEqualTo("no post-mortem #9 (see exceptions)");
    assertThat(failed("pm x").message()).isEqualTo("pm needs a number, got: x");
  }

  @Test
  void whereMarksTheSelectedFrameAndCapturedFrames() {
    ok("up");
    assertThat(ok("bt")).contains("    #0 * at com.acme.Order.check(Order.java:42)")
        .contains("->  #1 * at com.acme.Shop.checkout(Shop.java:17)")
        .contains("    #2   at com.acme.Main.main(Main.java:9)");
  }

  @Test
  void upDownAndFrameMoveWithinBounds() {
    assertThat(ok("up 2")).isEqualTo("->  #2   at com.acme.Main.main(Main.java:9)");
    assertThat(failed("up").message()).isEqualTo("already at the outermost frame #2");
    assertThat(ok("down")).contains("#1");
    assertThat(ok("down 5")).contains("#0");
    assertThat(failed("down").message()).isEqualTo("already at the innermost frame #0");
    assertThat(ok("frame 2")).contains("#2");
    assertThat(failed("frame 7").message()).isEqualTo("no frame #7: post-mortem #2 has frames #0..#2");
  }

  @Test
  void localsIsATableAndArgsKeepsParameters() {
    assertThat(ok("locals")).startsWith("name      type     value\nthis      Order    Order@1a2b {");
    assertThat(ok("args")).isEqualTo("name   type  value\nlimit  int   100");
    ok("frame 2");
    assertThat(ok("locals")).isEqualTo("no locals: frame #2 (com.acme.Main.main) was not captured");
    assertThat(failed("p args").message()).endsWith("(frame #2 was not captured, so it has no locals)");
  }

  @Test
  void printPrettyPrintAndFieldsEvaluateExpressions() {
    assertThat(ok("p id * 2")).isEqualTo("long 14");
    assertThat(ok("print codes")).isEqualTo("int[4] [1, 2, 3, 4]");
    assertThat(ok("p !exact && label != null")).isEqualTo("boolean true");
    assertThat(ok("pp customer")).startsWith("Customer@6e7f\n  name = \"Ada\"\n  lastOrder = Order@1a2b\n    id = 7")
        .contains("\n    customer = <cycle: Customer@6e7f>");
    assertThat(ok("fields customer")).startsWith("Customer@6e7f\nname       type    value\nname       String  \"Ada\"");
    assertThat(ok("fields quantities")).contains("[2]   int   3");
    assertThat(failed("fields limit").message()).isEqualTo("limit is a int value: it has no fields");
    assertThat(failed("p").message()).startsWith("p needs an expression");
  }

  @Test
  void syntaxErrorsShowTheExpressionAndACaret() {
    Failure failure = failed("p order..total");
    assertThat(failure.message()).isEqualTo(
        "syntax error at column 7:\n  order..total\n        ^ expected a field or method name after '.', found '.'");
  }

  @Test
  void listFindsSourcesOnTheSourcePathOrSaysWhereItLooked() throws Exception {
    assertThat(failed("list").message()).isEqualTo("source not found: com/acme/Order.java (no --source-path given)");
    Path file = sources.resolve("com/acme/Order.java");
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(file, text);
    Interpreter withSources = interpreter(List.of(sources));
    Result result = withSources.run("list");
    List<String> lines = result.reply().lines().stream().map(AttributedString::toString).toList();
    assertThat(lines).hasSize(11).contains("42 -> line 42").first().isEqualTo("37    line 37");
  }

  @Test
  void threadsCauseAndSet() {
    assertThat(ok("threads")).contains("main").contains("daemon");
    assertThat(ok("cause")).contains("Post-mortem #1");
    assertThat(failed("cause").message()).isEqualTo("java.lang.ArithmeticException has no cause");
    assertThat(ok("set depth 0")).isEqualTo("depth 0, width 10");
    assertThat(ok("set width 3")).isEqualTo("depth 0, width 3");
    assertThat(ok("set")).isEqualTo("depth 0, width 3");
    assertThat(failed("set depth -1").message()).contains("depth must be 0..20");
    assertThat(failed("set colour 3").message()).isEqualTo("usage: set depth N | set width N");
  }

  @Test
  void causeShowsAnUncapturedCauseByNameAndWalksOn() throws Exception {
    Path dump = Files.writeString(sources.resolve("chain.json"), "{\"format\":\"rdb-dump\",\"version\":1,"
        + "\"created\":\"x\",\"jvm\":{},\"objects\":{},\"postMortems\":[{\"id\":1,\"exception\":{\"type\":\"A\","
        + "\"message\":\"top\",\"cause\":{\"type\":\"B\",\"message\":\"middle\",\"stack\":[\"x.Y.z(Y.java:1)\"],"
        + "\"cause\":{\"type\":\"C\",\"message\":null,\"cause\":null}}},\"frames\":[]}]}");
    Session session = new Session(dev.rdb.cli.dump.DumpDebuggee.open(dump), List.of());
    session.selectNewest();
    Interpreter chain = new Interpreter(session, new CommandTable());
    assertThat(chain.run("cause").reply().lines().stream().map(AttributedString::toString))
        .containsExactly("Caused by: B: middle", "    at x.Y.z(Y.java:1)", "(not captured: no locals; `cause` again walks further)");
    assertThat(chain.run("cause").reply().lines().get(0).toString()).isEqualTo("Caused by: C");
    assertThat(chain.run("cause").failure().message()).isEqualTo("C has no cause");
    assertThat(chain.run("locals").failure().message()).isEqualTo("post-mortem #1 has no frames");
  }

  @Test
  void helpListsCommandsAndExplainsOne() {
    assertThat(ok("help")).contains("pm [N]").contains("fields EXPR").contains("instanceof");
    assertThat(ok("help bt")).startsWith("where  —  show the stack");
    assertThat(failed("help nope").message()).startsWith("unknown command 'nope'");
  }

  @Test
  void unknownCommandsSuggestTheClosestName() {
    assertThat(failed("wher").message()).isEqualTo("unknown command 'wher': did you mean 'where'? (help lists the commands)");
    assertThat(failed("lcoals").message()).contains("did you mean 'locals'?");
    assertThat(failed("xyzzyplugh").message()).isEqualTo("unknown command 'xyzzyplugh' (help lists the commands)");
  }

  @Test
  void quitEndsTheSession() {
    assertThat(repl.run("quit").quit()).isTrue();
    assertThat(failed("quit now").message()).isEqualTo("quit takes no argument, got: now");
  }

  @Test
  void garbageNeverEscapesAsAnException() {
    for (String line : List.of("p )(", "p \"", "p 'ab'", "p 99999999999", "p a[", "p [", "p ()",
        "p \u0000", "frame -1", "up x", "p 1/0", "p this.this", "pp [1,[2,[3]]]", "fields null",
        "p " + "(".repeat(300), "\t", "set depth 999999999999")) {
      Result result = repl.run(line);
      if (!result.ok()) {
        assertThat(result.failure().bug()).as("internal error for <%s>: %s", line, result.failure().message()).isNull();
      }
    }
  }
}
