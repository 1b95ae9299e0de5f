package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.Local;

/** {@code args}: the parameters of the selected frame. */
final class Args implements ReplCommand {
  @Override
  public String name() {
    return "args";
  }

  @Override
  public String usage() {
    return "args";
  }

  @Override
  public String summary() {
    return "show the selected frame's parameters";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    return Locals.table(session, Local::argument, "args");
  }
}
