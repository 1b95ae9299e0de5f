package dev.rdb.cli.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Used by the parser and, unchanged, by the highlighter and the
 * completer, so the REPL has one grammar, not a second one in regular expressions.
 */
public final class Lexer {
  /** Longer expressions are refused before any work, so the evaluator's costs stay bounded. */
  public static final int MAX_LENGTH = 10_000;

  private final String source;
  private int pos;

  private Lexer(String source) {
    this.source = source;
  }

  /** All tokens, ending with {@link TokenKind#EOF}; throws {@link ExprSyntaxException}. */
  public static List<Token> tokenize(String source) {
    if (source.length() > MAX_LENGTH) {
      throw new ExprSyntaxException(
          "expression too long (" + source.length() + " > " + MAX_LENGTH + " characters)",
          source.substring(0, 40) + "…", 40);
    }
    Lexer lexer = new Lexer(source);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != TokenKind.EOF);
    return tokens;
  }

  /**
   * Tokens as far as they lex, without throwing: what the highlighter and completer need while the
   * user is still typing. Stops before the first character that does not lex.
   */
  public static List<Token> tokenizePrefix(String source) {
    Lexer lexer = new Lexer(source.length() > MAX_LENGTH ? source.substring(0, MAX_LENGTH) : source);
    List<Token> tokens = new ArrayList<>();
    try {
      Token token;
      while ((token = lexer.next()).kind() != TokenKind.EOF) {
        tokens.add(token);
      }
    } catch (ExprSyntaxException stop) {
      return tokens;
    }
    return tokens;
  }

  private Token next() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= source.length()) {
      return new Token(TokenKind.EOF, "", null, pos);
    }
    char c = source.charAt(pos);
    if (Character.isJavaIdentifierStart(c)) {
      while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))
          && !Character.isIdentifierIgnorable(source.charAt(pos))) {
        pos++;
      }
      String word = source.substring(start, pos);
      return switch (word) {
        case "true" -> new Token(TokenKind.TRUE, word, Boolean.TRUE, start);
        case "false" -> new Token(TokenKind.FALSE, word, Boolean.FALSE, start);
        case "null" -> new Token(TokenKind.NULL, word, null, start);
        case "instanceof" -> new Token(TokenKind.INSTANCEOF, word, null, start);
        default -> new Token(TokenKind.IDENT, word, null, start);
      };
    }
    if (c >= '0' && c <= '9' || c == '.' && peekDigit(pos + 1)) {
      return number(start);
    }
    if (c == '"') {
      return string(start);
    }
    if (c == '\'') {
      return character(start);
    }
    pos++;
    return switch (c) {
      case '.' -> token(TokenKind.DOT, start);
      case ',' -> token(TokenKind.COMMA, start);
      case '(' -> token(TokenKind.LPAREN, start);
      case ')' -> token(TokenKind.RPAREN, start);
      case '[' -> token(TokenKind.LBRACKET, start);
      case ']' -> token(TokenKind.RBRACKET, start);
      case '+' -> token(TokenKind.PLUS, start);
      case '-' -> token(TokenKind.MINUS, start);
      case '*' -> token(TokenKind.STAR, start);
      case '/' -> token(TokenKind.SLASH, start);
      case '%' -> token(TokenKind.PERCENT, start);
      case '!' -> token(follows('=') ? TokenKind.NE : TokenKind.NOT, start);
      case '<' -> token(follows('=') ? TokenKind.LE : TokenKind.LT, start);
      case '>' -> token(follows('=') ? TokenKind.GE : TokenKind.GT, start);
      case '=' -> {
        if (follows('=')) {
          yield token(TokenKind.EQ, start);
        }
        throw error("'=' assigns, which expressions cannot do; use '==' to compare", start);
      }
      case '&' -> {
        if (follows('&')) {
          yield token(TokenKind.AND, start);
        }
        throw error("'&' is not supported; use '&&'", start);
      }
      case '|' -> {
        if (follows('|')) {
          yield token(TokenKind.OR, start);
        }
        throw error("'|' is not supported; use '||'", start);
      }
      default -> throw error("unexpected character " + describe(c), start);
    };
  }

  private boolean peekDigit(int at) {
    return at < source.length() && source.charAt(at) >= '0' && source.charAt(at) <= '9';
  }

  private boolean follows(char expected) {
    if (pos < source.length() && source.charAt(pos) == expected) {
      pos++;
      return true;
    }
    return false;
  }

  private Token token(TokenKind kind, int start) {
    return new Token(kind, source.substring(start, pos), null, start);
  }

  private Token number(int start) {
    boolean decimal = false;
    while (peekDigit(pos)) {
      pos++;
    }
    if (pos < source.length() && source.charAt(pos) == '.' && peekDigit(pos + 1)) {
      decimal = true;
      pos++;
      while (peekDigit(pos)) {
        pos++;
      }
    }
    if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
        pos++;
      }
      if (!peekDigit(pos)) {
        throw error("malformed exponent", mark);
      }
      while (peekDigit(pos)) {
        pos++;
      }
      decimal = true;
    }
    String digits = source.substring(start, pos);
    char suffix = pos < source.length() ? Character.toLowerCase(source.charAt(pos)) : 0;
    try {
      if (suffix == 'l' && !decimal) {
        pos++;
        return new Token(TokenKind.LONG, source.substring(start, pos), Long.parseLong(digits), start);
      }
      if (suffix == 'f') {
        pos++;
        return new Token(TokenKind.FLOAT, source.substring(start, pos), Float.parseFloat(digits), start);
      }
      if (suffix == 'd') {
        pos++;
        return new Token(TokenKind.DOUBLE, source.substring(start, pos), Double.parseDouble(digits), start);
      }
      if (decimal) {
        return new Token(TokenKind.DOUBLE, digits, Double.parseDouble(digits), start);
      }
      if (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
        throw error("unexpected " + describe(source.charAt(pos)) + " after number", pos);
      }
      long value = Long.parseLong(digits);
      if (value > Integer.MAX_VALUE + 1L) {
        throw error("integer literal too large for int (add L for long): " + digits, start);
      }
      // 2147483648 is legal only after unary minus; the parser checks that.
      return new Token(TokenKind.INT, digits, value, start);
    } catch (NumberFormatException e) {
      throw error("number out of range: " + digits, start);
    }
  }

  private Token string(int start) {
    pos++;
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= source.length()) {
        throw error("unterminated string", start);
      }
      char c = source.charAt(pos);
      if (c == '\n' || c == '\r') {
        throw error("unterminated string (a line break inside a string must be written \\n)", start);
      }
      if (c == '"') {
        pos++;
        return new Token(TokenKind.STRING, source.substring(start, pos), text.toString(), start);
      }
      if (c == '\\') {
        text.append(escape());
      } else {
        text.append(c);
        pos++;
      }
    }
  }

  private Token character(int start) {
    pos++;
    if (pos >= source.length()) {
      throw error("unterminated character literal", start);
    }
    char value;
    if (source.charAt(pos) == '\\') {
      value = escape();
    } else if (source.charAt(pos) == '\'') {
      throw error("empty character literal", start);
    } else {
      value = source.charAt(pos++);
    }
    if (pos >= source.length() || source.charAt(pos) != '\'') {
      throw error("unterminated character literal", start);
    }
    pos++;
    return new Token(TokenKind.CHAR, source.substring(start, pos), value, start);
  }

  private char escape() {
    int start = pos;
    pos++;
    if (pos >= source.length()) {
      throw error("unterminated escape", start);
    }
    char c = source.charAt(pos++);
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'b': return '\b';
      case 'f': return '\f';
      case '0': return '\0';
      case '\\': return '\\';
      case '\'': return '\'';
      case '"': return '"';
      case 'u':
        if (pos + 4 > source.length()) {
          throw error("\\u needs four hex digits", start);
        }
        try {
          int code = Integer.parseInt(source.substring(pos, pos + 4), 16);
          pos += 4;
          return (char) code;
        } catch (NumberFormatException e) {
          throw error("\\u needs four hex digits", start);
        }
      default:
        throw error("unknown escape \\" + (c < ' ' || c == 0x7f ? describe(c) : String.valueOf(c)), start);
    }
  }

  private static String describe(char c) {
    return c < ' ' || c > '~' ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }

  private ExprSyntaxException error(String message, int column) {
    return new ExprSyntaxException(message, source, column);
  }
}
