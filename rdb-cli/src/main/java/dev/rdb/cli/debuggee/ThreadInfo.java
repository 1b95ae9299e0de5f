package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/** A thread of the target: name, state, daemon flag, stack as text lines. */
public record ThreadInfo(String name, String state, boolean daemon, List<String> stack) {
  public ThreadInfo {
    Objects.requireNonNull(name, "name");
    state = Objects.requireNonNullElse(state, "?");
    stack = List.copyOf(stack);
  }
}
