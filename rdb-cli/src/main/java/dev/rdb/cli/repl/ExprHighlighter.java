package dev.rdb.cli.repl;

import dev.rdb.cli.expr.Lexer;
import dev.rdb.cli.expr.Token;
import dev.rdb.cli.expr.TokenKind;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours what the user types: the command word, and in expressions literals and keywords, using
 * the expression lexer itself (no second grammar in regular expressions). Plain text when colours
 * are off.
 */
final class ExprHighlighter implements Highlighter {
  private static final AttributedStyle COMMAND = AttributedStyle.BOLD;
  private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT);
  private static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);

  private final boolean colours;

  ExprHighlighter(boolean colours) {
    this.colours = colours;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  AttributedString highlight(String buffer) {
    if (!colours) {
      return new AttributedString(buffer);
    }
    AttributedStringBuilder out = new AttributedStringBuilder();
    int start = 0;
    while (start < buffer.length() && Character.isWhitespace(buffer.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
      end++;
    }
    out.append(buffer.substring(0, start)).styled(COMMAND, buffer.substring(start, end));
    String rest = buffer.substring(end);
    int at = 0;
    for (Token token : Lexer.tokenizePrefix(rest)) {
      out.append(rest.substring(at, token.column()));
      out.styled(style(token.kind()), token.text());
      at = token.end();
    }
    out.append(rest.substring(at));
    return out.toAttributedString();
  }

  private static AttributedStyle style(TokenKind kind) {
    return switch (kind) {
      case STRING, CHAR -> STRING;
      case INT, LONG, FLOAT, DOUBLE -> NUMBER;
      case TRUE, FALSE, NULL, INSTANCEOF -> KEYWORD;
      default -> AttributedStyle.DEFAULT;
    };
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
    // rdb reports errors after running a command, with a caret; it does not mark them while typing.
  }

  @Override
  public void setErrorIndex(int errorIndex) {
    // As above.
  }
}
