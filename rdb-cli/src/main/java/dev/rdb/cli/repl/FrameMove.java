package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.render.StackView;
import java.util.List;

/** What {@code up}, {@code down} and {@code frame} share: move, then print the new frame line. */
final class FrameMove {
  private FrameMove() {}

  static Reply to(Session session, int index) {
    session.selectFrame(index);
    PostMortem pm = session.postMortem();
    FrameInfo frame = session.frame();
    return Reply.of(List.of(StackView.frame(frame, true, String.valueOf(pm.frames().size() - 1).length())),
        JsonData.map("frame", JsonData.frame(frame, true)));
  }
}
