package dev.rdb.cli.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rdb.cli.dump.Dumps;
import dev.rdb.cli.repl.CommandTable;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.Result;
import dev.rdb.cli.repl.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any input to the expression parser and evaluator ends in a value or a message for the user,
 * never in an internal error. In {@code mvn test} the seeds under
 * src/test/resources/dev/rdb/cli/expr/ExpressionFuzzTestInputs run as regression tests;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ExpressionFuzzTest {
  private static final Interpreter INTERPRETER = interpreter();

  private static Interpreter interpreter() {
    Session session = new Session(Dumps.shop(), List.of());
    session.selectNewest();
    return new Interpreter(session, new CommandTable());
  }

  @FuzzTest(maxDuration = "30s")
  void expressionsNeverFailWithABug(byte[] input) {
    String source = new String(input, StandardCharsets.UTF_8);
    try {
      Parser.parse(source);
    } catch (ExprSyntaxException e) {
      assertThat(e.column()).isBetween(0, source.length());
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
    Lexer.tokenizePrefix(source);
    for (String command : new String[] {"p ", "pp ", "fields "}) {
      Result result = INTERPRETER.run(command + source.replace('\n', ' '));
      if (!result.ok()) {
        assertThat(result.failure().bug()).as("internal error for <%s>: %s", source, result.failure().message()).isNull();
      }
    }
  }
}
