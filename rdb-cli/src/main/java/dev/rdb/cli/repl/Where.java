package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.render.StackView;
import java.util.ArrayList;
import java.util.List;

/** {@code where} / {@code bt}: the stack, an arrow at the selected frame, {@code *} on captured ones. */
final class Where implements ReplCommand {
  @Override
  public String name() {
    return "where";
  }

  @Override
  public List<String> aliases() {
    return List.of("bt");
  }

  @Override
  public String usage() {
    return "where";
  }

  @Override
  public String summary() {
    return "show the stack; -> marks the selected frame, * the captured ones (alias bt)";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    PostMortem pm = session.postMortem();
    List<Object> frames = new ArrayList<>();
    for (FrameInfo frame : pm.frames()) {
      frames.add(JsonData.frame(frame, frame.index() == session.frameIndex()));
    }
    return Reply.of(StackView.where(pm, session.frameIndex()), JsonData.map(
        "postMortem", pm.id(), "exception", JsonData.exception(pm.exception()), "frames", frames));
  }
}
