package dev.rdb.cli.repl;

import java.util.Objects;

/** The outcome of one command line: a reply, or a failure. */
public record Result(String command, Reply reply, Failure failure) {
  public Result {
    Objects.requireNonNull(command, "command");
    if ((reply == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of reply and failure must be set");
    }
  }

  public boolean ok() {
    return failure == null;
  }

  public boolean quit() {
    return reply != null && reply.quit();
  }
}
