package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** {@code list [LINE]}: source around the selected frame's line (or LINE). */
final class ListSource implements ReplCommand {
  private static final int CONTEXT = 5;

  @Override
  public String name() {
    return "list";
  }

  @Override
  public String usage() {
    return "list [LINE]";
  }

  @Override
  public String summary() {
    return "show the source around the frame's line (found on --source-path or in a -sources.jar)";
  }

  @Override
  public Reply run(Session session, String argument) {
    FrameInfo frame = session.frame();
    if (frame.fileName() == null) {
      throw new CommandException("no source file recorded for " + frame.className() + "." + frame.methodName());
    }
    SourceFinder.Source source = SourceFinder.find(frame, session.sourcePath()).orElseThrow(() ->
        new CommandException("source not found: " + SourceFinder.relativePath(frame)
            + (session.sourcePath().isEmpty() ? " (no --source-path given" : " (not on --source-path")
            + (frame.codeSource().isEmpty() ? ")" : ", nor in a -sources.jar beside " + frame.codeSource() + ")")));
    int center = argument.isEmpty() ? frame.line() : Arguments.integer(name(), argument);
    if (center < 1) {
      center = 1;
    }
    int from = Math.max(1, center - CONTEXT);
    int to = Math.min(source.lines().size(), center + CONTEXT);
    if (from > to) {
      throw new CommandException("line " + center + " is past the end of " + source.location()
          + " (" + source.lines().size() + " lines)");
    }
    List<AttributedString> lines = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    int digits = String.valueOf(to).length();
    for (int n = from; n <= to; n++) {
      boolean current = n == frame.line();
      String text = source.lines().get(n - 1);
      AttributedStringBuilder line = new AttributedStringBuilder();
      line.style(current ? AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW) : AttributedStyle.DEFAULT.faint())
          .append(String.format("%" + digits + "d %s ", n, current ? "->" : "  "))
          .style(current ? AttributedStyle.BOLD : AttributedStyle.DEFAULT).append(text);
      lines.add(line.toAttributedString());
      data.add(JsonData.map("line", n, "text", text, "current", current));
    }
    return Reply.of(lines, JsonData.map("file", source.location(), "lines", data));
  }
}
