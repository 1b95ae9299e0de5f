package dev.rdb.cli.repl;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Prints results as text. Styles become colours through {@code styler} (plain text when colours
 * are off); failures go to {@code err} as {@code error: …}; long output goes through the pager.
 */
public final class TextConsole implements Console {
  private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<AttributedString, String> styler;
  private final Pager pager;
  private final boolean debug;

  public TextConsole(PrintWriter out, PrintWriter err, Function<AttributedString, String> styler, Pager pager,
      boolean debug) {
    this.out = out;
    this.err = err;
    this.styler = styler;
    this.pager = pager;
    this.debug = debug;
  }

  /** A console without colours or pager, for scripts. */
  public static TextConsole plain(PrintWriter out, PrintWriter err, boolean debug) {
    return new TextConsole(out, err, AttributedString::toString, Pager.NONE, debug);
  }

  @Override
  public void show(Result result) {
    if (result.ok()) {
      List<AttributedString> lines = result.reply().lines();
      if (!pager.page(lines)) {
        lines.forEach(line -> out.println(styler.apply(line)));
      }
      out.flush();
      return;
    }
    out.flush();
    Failure failure = result.failure();
    err.println(styler.apply(new AttributedString("error: " + failure.message(), ERROR)));
    if (debug && failure.bug() != null) {
      failure.bug().printStackTrace(err);
    }
    err.flush();
  }

  @Override
  public void info(String line) {
    out.println(line);
    out.flush();
  }
}
