package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the expression grammar, lowest precedence first:
 * <pre>
 * expr       = or
 * or         = and { "||" and }
 * and        = equality { "&amp;&amp;" equality }
 * equality   = relational { ("==" | "!=") relational }
 * relational = additive { ("&lt;" | "&lt;=" | "&gt;" | "&gt;=") additive | "instanceof" type }
 * additive   = term { ("+" | "-") term }
 * term       = unary { ("*" | "/" | "%") unary }
 * unary      = ("!" | "-") unary | postfix
 * postfix    = primary { "." IDENT [ args ] | "[" expr "]" }
 * primary    = IDENT [ args ] | literal | "(" expr ")" | "[" [ expr { "," expr } ] "]"
 * args       = "(" [ expr { "," expr } ] ")"
 * type       = IDENT { "." IDENT } { "[" "]" }
 * </pre>
 */
public final class Parser {
  /** Deeper nesting is refused, so a hostile expression cannot overflow the stack. */
  static final int MAX_DEPTH = 200;

  private final String source;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(String source) {
    this.source = source;
    this.tokens = Lexer.tokenize(source);
  }

  /** Parses a whole expression; throws {@link ExprSyntaxException} pointing at the column. */
  public static Expr parse(String source) {
    Parser parser = new Parser(source);
    if (parser.peek().kind() == TokenKind.EOF) {
      throw new ExprSyntaxException("expression expected", source, 0);
    }
    Expr expr = parser.expression();
    Token rest = parser.peek();
    if (rest.kind() != TokenKind.EOF) {
      throw parser.error("unexpected " + show(rest) + " after the expression", rest);
    }
    return expr;
  }

  private Expr expression() {
    if (++depth > MAX_DEPTH) {
      throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)", peek());
    }
    try {
      return or();
    } finally {
      depth--;
    }
  }

  private Expr or() {
    Expr left = and();
    while (peek().kind() == TokenKind.OR) {
      next();
      Expr right = and();
      left = new Expr.Binary(TokenKind.OR, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr and() {
    Expr left = equality();
    while (peek().kind() == TokenKind.AND) {
      next();
      Expr right = equality();
      left = new Expr.Binary(TokenKind.AND, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr equality() {
    Expr left = relational();
    while (peek().kind() == TokenKind.EQ || peek().kind() == TokenKind.NE) {
      TokenKind op = next().kind();
      Expr right = relational();
      left = new Expr.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr relational() {
    Expr left = additive();
    while (true) {
      TokenKind kind = peek().kind();
      if (kind == TokenKind.LT || kind == TokenKind.LE || kind == TokenKind.GT || kind == TokenKind.GE) {
        next();
        Expr right = additive();
        left = new Expr.Binary(kind, left, right, left.start(), right.end());
      } else if (kind == TokenKind.INSTANCEOF) {
        next();
        StringBuilder type = new StringBuilder(expect(TokenKind.IDENT, "a type name after instanceof").text());
        int end = tokens.get(pos - 1).end();
        while (peek().kind() == TokenKind.DOT) {
          next();
          type.append('.').append(expect(TokenKind.IDENT, "a type name after '.'").text());
          end = tokens.get(pos - 1).end();
        }
        while (peek().kind() == TokenKind.LBRACKET) {
          next();
          end = expect(TokenKind.RBRACKET, "']' in an array type").end();
          type.append("[]");
        }
        left = new Expr.InstanceOf(left, type.toString(), left.start(), end);
      } else {
        return left;
      }
    }
  }

  private Expr additive() {
    Expr left = term();
    while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
      TokenKind op = next().kind();
      Expr right = term();
      left = new Expr.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (peek().kind() == TokenKind.STAR || peek().kind() == TokenKind.SLASH
        || peek().kind() == TokenKind.PERCENT) {
      TokenKind op = next().kind();
      Expr right = unary();
      left = new Expr.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr unary() {
    Token token = peek();
    if (token.kind() == TokenKind.NOT || token.kind() == TokenKind.MINUS) {
      if (++depth > MAX_DEPTH) {
        throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)", token);
      }
      try {
        next();
        if (token.kind() == TokenKind.MINUS && peek().kind() == TokenKind.INT
            && (Long) peek().value() == Integer.MAX_VALUE + 1L) {
          Token literal = next();
          return postfix(new Expr.Literal(Value.of(Integer.MIN_VALUE), token.column(), literal.end()));
        }
        Expr operand = unary();
        return new Expr.Unary(token.kind(), operand, token.column(), operand.end());
      } finally {
        depth--;
      }
    }
    return postfix(primary());
  }

  private Expr postfix(Expr expr) {
    while (true) {
      Token token = peek();
      if (token.kind() == TokenKind.DOT) {
        next();
        Token name = expect(TokenKind.IDENT, "a field or method name after '.'");
        if (peek().kind() == TokenKind.LPAREN) {
          List<Expr> args = new ArrayList<>();
          int end = arguments(args);
          expr = new Expr.Call(expr, name.text(), args, expr.start(), end);
        } else {
          expr = new Expr.Member(expr, name.text(), expr.start(), name.end());
        }
      } else if (token.kind() == TokenKind.LBRACKET) {
        next();
        Expr index = expression();
        Token close = expect(TokenKind.RBRACKET, "']' to close the index");
        expr = new Expr.Index(expr, index, expr.start(), close.end());
      } else {
        return expr;
      }
    }
  }

  private Expr primary() {
    Token token = next();
    switch (token.kind()) {
      case IDENT:
        if (peek().kind() == TokenKind.LPAREN) {
          List<Expr> args = new ArrayList<>();
          int end = arguments(args);
          return new Expr.Call(null, token.text(), args, token.column(), end);
        }
        return new Expr.Name(token.text(), token.column(), token.end());
      case INT: {
        long value = (Long) token.value();
        if (value > Integer.MAX_VALUE) {
          throw error("integer literal too large for int (add L for long): " + token.text(), token);
        }
        return literal(Value.of((int) value), token);
      }
      case LONG: case FLOAT: case DOUBLE: case CHAR: case TRUE: case FALSE:
        return literal(Value.of(token.value()), token);
      case STRING:
        return literal(Value.of(token.value()), token);
      case NULL:
        return literal(Value.NULL, token);
      case LPAREN: {
        Expr inner = expression();
        Token close = expect(TokenKind.RPAREN, "')' to close '('");
        return rebase(inner, token.column(), close.end());
      }
      case LBRACKET: {
        List<Expr> elements = new ArrayList<>();
        if (peek().kind() != TokenKind.RBRACKET) {
          do {
            elements.add(expression());
          } while (accept(TokenKind.COMMA));
        }
        Token close = expect(TokenKind.RBRACKET, "',' or ']' in the list");
        return new Expr.ListLiteral(elements, token.column(), close.end());
      }
      case EOF:
        throw error("expression expected at the end", token);
      default:
        throw error("unexpected " + show(token), token);
    }
  }

  /** A parenthesised expression keeps its node but spans the parentheses, for error messages. */
  private static Expr rebase(Expr inner, int start, int end) {
    if (inner instanceof Expr.Binary b) return new Expr.Binary(b.op(), b.left(), b.right(), start, end);
    if (inner instanceof Expr.Unary u) return new Expr.Unary(u.op(), u.operand(), start, end);
    if (inner instanceof Expr.InstanceOf i) return new Expr.InstanceOf(i.operand(), i.type(), start, end);
    return inner;
  }

  private int arguments(List<Expr> args) {
    expect(TokenKind.LPAREN, "'('");
    if (peek().kind() != TokenKind.RPAREN) {
      do {
        args.add(expression());
      } while (accept(TokenKind.COMMA));
    }
    return expect(TokenKind.RPAREN, "',' or ')' in the arguments").end();
  }

  private Expr literal(Value value, Token token) {
    return new Expr.Literal(value, token.column(), token.end());
  }

  private boolean accept(TokenKind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(TokenKind kind, String what) {
    Token token = peek();
    if (token.kind() != kind) {
      throw error("expected " + what + ", found " + show(token), token);
    }
    return next();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token token = tokens.get(pos);
    if (token.kind() != TokenKind.EOF) {
      pos++;
    }
    return token;
  }

  /** A token as quoted in a one-line message: cut, and control characters escaped. */
  private static String show(Token token) {
    if (token.kind() == TokenKind.EOF) {
      return "the end";
    }
    String text = token.text();
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length() && i < 24; i++) {
      char c = text.charAt(i);
      out.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append(text.length() > 24 ? "…'" : "'").toString();
  }

  private ExprSyntaxException error(String message, Token token) {
    return new ExprSyntaxException(message, source, token.column());
  }
}
