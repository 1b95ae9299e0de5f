package dev.rdb.cli.expr;

/** Kinds of tokens of the expression language. */
public enum TokenKind {
  IDENT, INT, LONG, FLOAT, DOUBLE, STRING, CHAR, TRUE, FALSE, NULL, INSTANCEOF,
  DOT, COMMA, LPAREN, RPAREN, LBRACKET, RBRACKET,
  NOT, AND, OR, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT,
  EOF
}
