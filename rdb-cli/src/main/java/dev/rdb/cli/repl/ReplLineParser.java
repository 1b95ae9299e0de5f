package dev.rdb.cli.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of a line. Never asks for a continuation line (an unclosed quote is the expression
 * parser's error to report, with a caret) and never splits on quotes; the word being completed is
 * the identifier fragment before the cursor, so {@code p order.cu<TAB>} completes {@code cu}.
 */
final class ReplLineParser implements Parser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    int at = Math.max(0, Math.min(cursor, line.length()));
    int start = at;
    while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
      start--;
    }
    String word = line.substring(start, at);
    List<String> words = List.of(line.substring(0, start), word, line.substring(at));
    return new Line(line, at, word, at - start, words);
  }

  private record Line(String line, int cursor, String word, int wordCursor, List<String> words)
      implements CompletingParsedLine {
    @Override
    public int wordIndex() {
      return 1;
    }

    /** Candidates are identifiers or command names: nothing to quote or escape. */
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
