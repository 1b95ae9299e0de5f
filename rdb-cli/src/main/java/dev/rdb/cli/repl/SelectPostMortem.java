package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.render.StackView;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** {@code pm [N]}: select a post-mortem (default: the newest) at its innermost captured frame. */
final class SelectPostMortem implements ReplCommand {
  @Override
  public String name() {
    return "pm";
  }

  @Override
  public String usage() {
    return "pm [N]";
  }

  @Override
  public String summary() {
    return "select post-mortem N (default: the newest)";
  }

  @Override
  public Reply run(Session session, String argument) {
    List<PostMortemSummary> all = session.summaries();
    if (all.isEmpty()) {
      throw new CommandException("no post-mortem: " + session.debuggee().name() + " has none",
          Failure.Kind.NO_POST_MORTEM);
    }
    int id = argument.isEmpty() ? all.get(all.size() - 1).id() : Arguments.integer(name(), argument);
    session.select(id);
    return selected(session);
  }

  /** Header, exception and selected frame of the selected post-mortem: what `pm` and `cause` print. */
  static Reply selected(Session session) {
    PostMortem pm = session.postMortem();
    List<AttributedString> where = StackView.where(pm, session.frameIndex());
    var lines = new ArrayList<AttributedString>(where.subList(0, 2));
    Object frameData = null;
    if (!pm.frames().isEmpty()) {
      FrameInfo frame = session.frame();
      lines.add(StackView.frame(frame, true, String.valueOf(pm.frames().size() - 1).length()));
      frameData = JsonData.frame(frame, true);
    }
    var data = JsonData.summary(pm.summary());
    data.put("exception", JsonData.exception(pm.exception()));
    data.put("frame", frameData);
    return Reply.of(lines, JsonData.map("postMortem", data));
  }
}
