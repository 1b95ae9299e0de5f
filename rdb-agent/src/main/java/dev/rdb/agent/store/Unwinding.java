package dev.rdb.agent.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames one throwable has unwound through so far, innermost first. Written by the thread the
 * throwable unwinds on; read when it is promoted, possibly from another thread, hence synchronized.
 */
final class Unwinding {

  final long startedNanos;
  /** With {@code capture=all}: the instrumented callers still ahead, or null before the first walk. */
  InstrumentedCallers callers;
  private final List<FrameCapture> frames = new ArrayList<>();

  Unwinding(long startedNanos) {
    this.startedNanos = startedNanos;
  }

  synchronized void add(FrameCapture frame) {
    frames.add(frame);
  }

  synchronized List<FrameCapture> frames() {
    return List.copyOf(frames);
  }
}
