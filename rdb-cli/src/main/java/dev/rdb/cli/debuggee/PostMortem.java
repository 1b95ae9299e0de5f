package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/** A post-mortem: its summary, the exception chain, and its frames, innermost first. */
public record PostMortem(PostMortemSummary summary, ExceptionInfo exception, List<FrameInfo> frames) {
  public PostMortem {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(exception, "exception");
    frames = List.copyOf(frames);
  }

  public int id() {
    return summary.id();
  }
}
