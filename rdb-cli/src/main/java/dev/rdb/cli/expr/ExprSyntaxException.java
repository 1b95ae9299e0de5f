package dev.rdb.cli.expr;

/** A lexing or parsing error at a column of the expression. */
public final class ExprSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int column;

  ExprSyntaxException(String message, String expression, int column) {
    super(message);
    this.expression = expression;
    this.column = Math.max(0, Math.min(column, expression.length()));
  }

  public String expression() {
    return expression;
  }

  /** 0-based column of the offending character; the expression's length at its end. */
  public int column() {
    return column;
  }

  /**
   * The expression with a caret under the column, then the message, ready to print.
   *
   * @param indent how many columns the expression is already shifted by on the user's line
   */
  public String pointAt(int indent) {
    return " ".repeat(indent) + expression + "\n" + " ".repeat(indent + column) + "^ " + getMessage();
  }
}
