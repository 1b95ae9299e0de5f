package dev.rdb.agent.store;

import dev.rdb.agent.capture.CapturePoint;
import dev.rdb.agent.capture.CaptureSite;
import dev.rdb.agent.capture.LocalSlot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Lays captured frames over a stack trace: each capture takes the place of the next trace element of
 * its class and method (with the capture's line, where the frame really was when the exception
 * left it); trace elements without a capture stay, without locals; captures that match no element
 * (a trace that was not filled in, a throwable thrown from elsewhere) stay too, in unwinding order.
 */
final class FrameMerger {

  private FrameMerger() {}

  static List<FrameView> merge(StackTraceElement[] trace, List<FrameCapture> captures) {
    List<FrameView> frames = new ArrayList<>();
    int c = 0;
    for (int t = 0; t < trace.length; t++) {
      while (c < captures.size() && !appearsFrom(trace, t, captures.get(c))) {
        frames.add(view(captures.get(c), null));
        c++;
      }
      if (c < captures.size() && matches(trace[t], captures.get(c))) {
        frames.add(view(captures.get(c), trace[t]));
        c++;
      } else {
        StackTraceElement e = trace[t];
        frames.add(new FrameView(e.getClassName(), e.getMethodName(), e.getFileName(),
            e.getLineNumber(), false, false, List.of()));
      }
    }
    for (; c < captures.size(); c++) {
      frames.add(view(captures.get(c), null));
    }
    return frames;
  }

  private static boolean appearsFrom(StackTraceElement[] trace, int from, FrameCapture capture) {
    for (int t = from; t < trace.length; t++) {
      if (matches(trace[t], capture)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(StackTraceElement e, FrameCapture capture) {
    return e.getClassName().equals(capture.site().className())
        && e.getMethodName().equals(capture.site().methodName());
  }

  static FrameView view(FrameCapture capture, StackTraceElement element) {
    CaptureSite site = capture.site();
    CapturePoint point = capture.point() >= 0 && capture.point() < site.points().size()
        ? site.points().get(capture.point())
        : null;
    int line = point != null && point.line() >= 0 ? point.line()
        : element != null ? element.getLineNumber() : -1;
    BitSet scope = point != null ? point.inScope() : new BitSet();
    if (point != null && point.rethrow() && element != null && element.getLineNumber() >= 0) {
      // Left from a finally/synchronized handler: show where the exception came from, with the
      // locals in scope on that line (their values are those at frame exit).
      line = element.getLineNumber();
      BitSet onLine = new BitSet();
      for (CapturePoint p : site.points()) {
        if (p.line() == line && !p.rethrow()) {
          onLine.or(p.inScope());
        }
      }
      if (!onLine.isEmpty()) {
        scope = onLine;
      }
    }
    List<LocalView> locals = new ArrayList<>();
    Object[] values = capture.values();
    for (int i = 0; i < site.locals().size() && i < values.length; i++) {
      LocalSlot slot = site.locals().get(i);
      // A point's scope holds `this` and the parameters wherever they can be read: not `this`
      // before a constructor's super(...) call.
      if (point == null ? slot.argument() : scope.get(i)) {
        locals.add(new LocalView(slot.name(), slot.type(), slot.argument(), values[i]));
      }
    }
    return new FrameView(site.className(), site.methodName(), site.fileName(), line, true,
        site.namesAvailable(), locals);
  }
}
