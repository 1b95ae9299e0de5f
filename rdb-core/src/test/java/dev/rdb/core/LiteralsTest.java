package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralsTest {

  @Test
  void onlyTheChosenQuoteIsEscaped() {
    assertThat(Literals.escape("it's \"x\"", '"')).isEqualTo("it's \\\"x\\\"");
    assertThat(Literals.escape("it's \"x\"", '\'')).isEqualTo("it\\'s \"x\"");
  }

  @Test
  void controlAndFormatCharactersNeverReachTheTerminalRaw() {
    assertThat(Literals.escape("a\nb\t\\\u001b[31m\u202e", '"'))
        .isEqualTo("a\\nb\\t\\\\\\u001b[31m\\u202e");
  }
}
