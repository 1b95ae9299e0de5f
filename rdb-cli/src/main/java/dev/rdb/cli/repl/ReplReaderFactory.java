package dev.rdb.cli.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The only class that knows JLine's options: builds the terminal, the reader, and decides colours. */
public final class ReplReaderFactory {
  private ReplReaderFactory() {}

  /** The system terminal; a dumb one when stdin/stdout are not a terminal. */
  public static Terminal systemTerminal() throws IOException {
    return TerminalBuilder.builder().name("rdb").system(true).dumb(true).build();
  }

  /**
   * A line reader with rdb's parser and completer, persistent history in {@code historyFile}
   * (its directory is created), and {@code !} left alone: it is negation, not history expansion.
   */
  public static LineReader reader(Terminal terminal, Interpreter interpreter, Path historyFile) {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("rdb")
        .parser(new ReplLineParser())
        .completer(new ReplCompleter(interpreter))
        .highlighter(new ExprHighlighter(colours(terminal, System.getenv())))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
        .variable(LineReader.HISTORY_SIZE, 1000)
        .variable(LineReader.HISTORY_FILE_SIZE, 5000);
    if (historyFile != null) {
      try {
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        builder.variable(LineReader.HISTORY_FILE, historyFile);
      } catch (IOException e) {
        // No history directory (read-only home): the REPL works, it only forgets on exit.
      }
    }
    return builder.build();
  }

  /** Colours unless NO_COLOR is set (to anything non-empty) or the terminal is dumb. */
  public static boolean colours(Terminal terminal, Map<String, String> environment) {
    String noColor = environment.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    String type = terminal.getType();
    return type != null && !type.startsWith(Terminal.TYPE_DUMB);
  }

  /** A pager only where a person reads a real terminal. */
  public static Pager pager(Terminal terminal) {
    String type = terminal.getType();
    return type == null || type.startsWith(Terminal.TYPE_DUMB) ? Pager.NONE : new LessPager(terminal);
  }

  /** {@code ~/.rdb/history}. */
  public static Path defaultHistoryFile() {
    return Path.of(System.getProperty("user.home"), ".rdb", "history");
  }
}
