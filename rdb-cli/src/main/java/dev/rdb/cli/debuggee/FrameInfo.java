package dev.rdb.cli.debuggee;

import java.util.Objects;

/**
 * One frame of a post-mortem. {@code captured} frames have locals; the others only appear in the
 * stack. {@code codeSource} is the jar or directory the class came from, when known (used to find
 * a sources jar beside it); empty otherwise.
 */
public record FrameInfo(
    int index, String className, String methodName, String fileName, int line, boolean captured,
    String codeSource) {
  public FrameInfo {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    codeSource = Objects.requireNonNullElse(codeSource, "");
  }

  /** {@code com.acme.Shop.checkout(Shop.java:17)}, as in a Java stack trace. */
  public String stackTraceLine() {
    String where;
    if (fileName == null) {
      where = "Unknown Source";
    } else if (line > 0) {
      where = fileName + ":" + line;
    } else {
      where = fileName;
    }
    return className + "." + methodName + "(" + where + ")";
  }
}
