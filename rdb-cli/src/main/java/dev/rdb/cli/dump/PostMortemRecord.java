package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import java.util.List;

/** A post-mortem of a dump with its frames and their locals. */
record PostMortemRecord(PostMortem postMortem, List<FrameRecord> frames) {
  PostMortemRecord {
    frames = List.copyOf(frames);
  }

  PostMortemSummary summary() {
    return postMortem.summary();
  }
}
