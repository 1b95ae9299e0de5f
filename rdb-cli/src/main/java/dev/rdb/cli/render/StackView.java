package dev.rdb.cli.render;

import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * {@code where}: the post-mortem's header, then its frames like a Java stack trace, an arrow at the
 * selected frame and {@code *} on frames whose locals were captured, then the cause chain.
 */
public final class StackView {
  private StackView() {}

  public static List<AttributedString> where(PostMortem pm, int selected) {
    List<AttributedString> lines = new ArrayList<>();
    lines.add(header(pm.summary()));
    lines.add(new AttributedStringBuilder().styled(Styles.TYPE, pm.exception().type())
        .append(pm.exception().message() == null ? "" : ": " + pm.exception().message()).toAttributedString());
    int digits = String.valueOf(Math.max(0, pm.frames().size() - 1)).length();
    for (FrameInfo frame : pm.frames()) {
      lines.add(frame(frame, frame.index() == selected, digits));
    }
    for (ExceptionInfo cause = pm.exception().cause(); cause != null; cause = cause.cause()) {
      AttributedStringBuilder line = new AttributedStringBuilder().append("Caused by: ")
          .styled(Styles.TYPE, cause.type()).append(cause.message() == null ? "" : ": " + cause.message());
      if (cause.postMortemId().isPresent()) {
        line.styled(Styles.NOTE, "  (post-mortem #" + cause.postMortemId().getAsInt() + ")");
      }
      lines.add(line.toAttributedString());
    }
    return lines;
  }

  /** {@code Post-mortem #2  ShopTest.checkoutTotals  thread main  2026-…}. */
  public static AttributedString header(PostMortemSummary s) {
    AttributedStringBuilder line = new AttributedStringBuilder().styled(Styles.NAME, "Post-mortem #" + s.id())
        .append("  ").append(s.name());
    if (!s.thread().isEmpty()) {
      line.styled(Styles.NOTE, "  thread " + s.thread());
    }
    if (!s.time().isEmpty()) {
      line.styled(Styles.NOTE, "  " + s.time());
    }
    return line.toAttributedString();
  }

  /** One frame line: {@code ->  #1 * at com.acme.Shop.checkout(Shop.java:17)}. */
  public static AttributedString frame(FrameInfo frame, boolean selected, int digits) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    String number = String.format("#%-" + digits + "d", frame.index());
    if (selected) {
      line.styled(Styles.CURRENT, "->  " + number);
    } else {
      line.append("    ").append(number);
    }
    line.append(frame.captured() ? " * " : "   ").append("at ");
    line.styled(selected ? Styles.CURRENT : Styles.TYPE, frame.className() + "." + frame.methodName());
    String where = frame.fileName() == null ? "Unknown Source"
        : frame.line() > 0 ? frame.fileName() + ":" + frame.line() : frame.fileName();
    line.append("(").append(where).append(")");
    return line.toAttributedString();
  }
}
