package dev.rdb.agent.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames one throwable has unwound through so far, innermost first. Written by the thread the
 * throwable unwinds on; read when it is promoted, possibly from another thread, hence synchronized.
 */
final class Unwinding {

  final long startedNanos;
  /** True when the throw site was over its rate: frames are not recorded. */
  final boolean limited;
  private final List<FrameCapture> frames = new ArrayList<>();

  Unwinding(long startedNanos, boolean limited) {
    this.startedNanos = startedNanos;
    this.limited = limited;
  }

  synchronized void add(FrameCapture frame) {
    if (!limited) {
      frames.add(frame);
    }
  }

  synchronized List<FrameCapture> frames() {
    return List.copyOf(frames);
  }
}
