package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.PostMortemSummary;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** {@code exceptions} / {@code ls}: every post-mortem, the selected one marked. */
final class Exceptions implements ReplCommand {
  @Override
  public String name() {
    return "exceptions";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

  @Override
  public String usage() {
    return "exceptions";
  }

  @Override
  public String summary() {
    return "list the post-mortems (alias ls)";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    List<PostMortemSummary> all = session.summaries();
    if (all.isEmpty()) {
      throw new CommandException("no post-mortem: " + session.debuggee().name() + " has none",
          Failure.Kind.NO_POST_MORTEM);
    }
    Integer selected = session.hasPostMortem() ? session.postMortem().id() : null;
    List<AttributedString> lines = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    boolean manyOrigins = all.stream().map(PostMortemSummary::origin).distinct().count() > 1;
    for (PostMortemSummary s : all) {
      boolean current = selected != null && selected == s.id();
      AttributedStringBuilder line = new AttributedStringBuilder();
      line.append(current ? "> " : "  ").style(AttributedStyle.BOLD).append(String.format("#%-3d", s.id()))
          .style(AttributedStyle.DEFAULT).append(' ').append(s.time()).append("  ").append(s.thread()).append("  ");
      line.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(s.exceptionType())
          .style(AttributedStyle.DEFAULT).append(s.message() == null ? "" : ": " + s.message());
      if (!s.name().equals(s.exceptionType())) {
        line.append("  [").append(s.name()).append(']');
      }
      line.style(AttributedStyle.DEFAULT.faint()).append("  (" + s.frameCount() + " frames"
          + (manyOrigins ? ", " + s.origin() : "") + ")");
      lines.add(line.toAttributedString());
      var entry = JsonData.summary(s);
      entry.put("selected", current);
      data.add(entry);
    }
    return Reply.of(lines, JsonData.map("postMortems", data));
  }
}
