package dev.rdb.cli.repl;

import java.util.List;
import java.util.Map;

/** {@code quit}: leave the REPL (Ctrl-D does too). */
final class Quit implements ReplCommand {
  @Override
  public String name() {
    return "quit";
  }

  @Override
  public List<String> aliases() {
    return List.of("exit", "q");
  }

  @Override
  public String usage() {
    return "quit";
  }

  @Override
  public String summary() {
    return "leave rdb (also Ctrl-D)";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    return new Reply(List.of(), Map.of(), true);
  }
}
