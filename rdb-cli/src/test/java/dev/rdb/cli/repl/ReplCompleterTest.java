package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.dump.Dumps;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

class ReplCompleterTest {
  private final Session session = new Session(Dumps.shop(), List.of());
  private final ReplCompleter completer;

  ReplCompleterTest() {
    session.selectNewest();
    completer = new ReplCompleter(new Interpreter(session, new CommandTable()));
  }

  private List<String> values(String before) {
    return completer.candidates(before).stream().map(Candidate::value).toList();
  }

  @Test
  void theFirstWordCompletesCommandNamesAndAliases() {
    assertThat(values("")).contains("where", "bt", "locals", "pp", "quit");
  }

  @Test
  void aBareNameCompletesLocalsAndFieldsOfThis() {
    assertThat(values("p ")).contains("this", "limit", "label", "id", "customer", "items");
  }

  @Test
  void aDottedChainCompletesTheFieldsOfTheTypeItReaches() {
    assertThat(values("p customer.")).containsExactlyInAnyOrder("name", "lastOrder");
    assertThat(values("p customer.lastOrder.cu")).contains("customer", "codes", "id");
    assertThat(values("pp this.codes.")).containsExactly("length");
    session.select(2);
    new Interpreter(session, new CommandTable()).run("up");
    assertThat(values("fields order.customer.")).containsExactlyInAnyOrder("name", "lastOrder");
  }

  @Test
  void shapesAreLookedUpOncePerTypeNotPerKeystroke() {
    values("p customer.");
    values("p customer.n");
    values("p customer.na");
    assertThat(session.shapes().lookups()).isEqualTo(2);
  }

  @Test
  void helpAndSetCompleteTheirArguments() {
    assertThat(values("help ")).contains("where");
    assertThat(values("set ")).containsExactly("depth", "width");
  }

  @Test
  void unknownChainsGiveNoCandidatesAndNoError() {
    assertThat(values("p nope.")).isEmpty();
    assertThat(values("p limit.")).isEmpty();
    assertThat(values("p \"unterminated.")).isEmpty();
  }
}
