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

  @Test
  void onlyShortPlainWordsPrintBare() {
    assertThat(Literals.isBareWord("currency")).isTrue();
    assertThat(Literals.isBareWord("sku-12.v2_b")).isTrue();
    assertThat(Literals.isBareWord("")).isFalse();
    assertThat(Literals.isBareWord("2fast")).as("starts with a digit").isFalse();
    assertThat(Literals.isBareWord("two words")).isFalse();
    assertThat(Literals.isBareWord("x".repeat(41))).isFalse();
    assertThat(Literals.isBareWord("null")).as("would read as null").isFalse();
    assertThat(Literals.isBareWord("true")).isFalse();
  }
}
