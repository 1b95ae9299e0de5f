package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class ExprHighlighterTest {
  @Test
  void literalsAndKeywordsAreStyledByTheExpressionLexer() {
    AttributedString line = new ExprHighlighter(true).highlight("p a == \"x\" && b != null");
    assertThat(line.toString()).isEqualTo("p a == \"x\" && b != null");
    assertThat(line.styleAt(0)).isEqualTo(AttributedStyle.BOLD);
    assertThat(line.styleAt(line.toString().indexOf('"'))).isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    assertThat(line.styleAt(line.toString().indexOf("null"))).isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA));
  }

  @Test
  void textThatDoesNotLexYetIsKeptAsTyped() {
    assertThat(new ExprHighlighter(true).highlight("p a.b(\"unterminated").toString()).isEqualTo("p a.b(\"unterminated");
  }

  @Test
  void withoutColoursTheLineIsPlain() {
    AttributedString line = new ExprHighlighter(false).highlight("p \"x\"");
    assertThat(line.styleAt(2)).isEqualTo(AttributedStyle.DEFAULT);
  }
}
