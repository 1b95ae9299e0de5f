package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An exception by name: type, message, its stack as text lines, its cause, and — when the cause was
 * itself captured — the id of the post-mortem that holds its locals.
 */
public record ExceptionInfo(
    String type, String message, List<String> stack, ExceptionInfo cause, OptionalInt postMortemId) {
  public ExceptionInfo {
    Objects.requireNonNull(type, "type");
    stack = List.copyOf(stack);
    Objects.requireNonNull(postMortemId, "postMortemId");
  }

  /** {@code type: message}, as a Java stack trace's first line. */
  public String headline() {
    return message == null ? type : type + ": " + message;
  }
}
