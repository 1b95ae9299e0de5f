package dev.rdb.cli.debuggee;

import java.util.Objects;

/**
 * One line of {@code exceptions}: id, when, on which thread, its name (the test name for JUnit
 * failures, else the exception type), the exception, how many frames, and where it came from
 * (the dump file; empty for a live agent).
 */
public record PostMortemSummary(
    int id, String time, String thread, String name, String exceptionType, String message,
    int frameCount, String origin) {
  public PostMortemSummary {
    time = Objects.requireNonNullElse(time, "");
    thread = Objects.requireNonNullElse(thread, "");
    exceptionType = Objects.requireNonNullElse(exceptionType, "?");
    name = name == null || name.isEmpty() ? exceptionType : name;
    origin = Objects.requireNonNullElse(origin, "");
  }
}
