package dev.rdb.cli.expr;

/**
 * A token: its kind, source text, decoded value (for literals) and 0-based column in the expression.
 *
 * @param value the decoded literal (Integer, Long, Float, Double, String, Character) or null
 */
public record Token(TokenKind kind, String text, Object value, int column) {
  public int end() {
    return column + text.length();
  }
}
