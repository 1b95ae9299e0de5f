package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.ExceptionInfo;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * {@code cause}: walk one step down the cause chain. When the cause was captured as a post-mortem
 * of its own, select it (its frames and locals); otherwise show it by name with its stack.
 */
final class Cause implements ReplCommand {
  @Override
  public String name() {
    return "cause";
  }

  @Override
  public String usage() {
    return "cause";
  }

  @Override
  public String summary() {
    return "walk to the cause; selects its post-mortem when it was captured";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    ExceptionInfo current = session.viewedCause() != null ? session.viewedCause() : session.postMortem().exception();
    ExceptionInfo cause = current.cause();
    if (cause == null) {
      throw new CommandException(current.type() + " has no cause");
    }
    if (cause.postMortemId().isPresent()) {
      session.select(cause.postMortemId().getAsInt());
      return SelectPostMortem.selected(session);
    }
    session.viewCause(cause);
    List<AttributedString> lines = new ArrayList<>();
    lines.add(new AttributedStringBuilder().append("Caused by: ")
        .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), cause.type())
        .append(cause.message() == null ? "" : ": " + cause.message()).toAttributedString());
    cause.stack().forEach(frame -> lines.add(new AttributedString("    at " + frame)));
    lines.add(new AttributedStringBuilder().styled(AttributedStyle.DEFAULT.faint(),
        "(not captured: no locals; `cause` again walks further)").toAttributedString());
    return Reply.of(lines, JsonData.map("cause", JsonData.exception(cause), "captured", false));
  }
}
