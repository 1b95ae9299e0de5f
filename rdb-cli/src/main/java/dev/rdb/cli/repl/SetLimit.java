package dev.rdb.cli.repl;

import dev.rdb.cli.render.RenderLimits;

/** {@code set depth N} / {@code set width N}: how much of a value is shown. */
final class SetLimit implements ReplCommand {
  @Override
  public String name() {
    return "set";
  }

  @Override
  public String usage() {
    return "set depth N | set width N";
  }

  @Override
  public String summary() {
    return "set how deep objects expand and how many members show; without N, show the values";
  }

  @Override
  public Reply run(Session session, String argument) {
    String[] words = argument.split("\\s+");
    RenderLimits limits = session.limits();
    if (argument.isEmpty()) {
      return show(limits);
    }
    if (words.length != 2 || !(words[0].equals("depth") || words[0].equals("width"))) {
      throw new CommandException("usage: " + usage());
    }
    int n = Arguments.integer("set " + words[0], words[1]);
    try {
      session.limits(words[0].equals("depth") ? limits.withDepth(n) : limits.withWidth(n));
    } catch (IllegalArgumentException e) {
      throw new CommandException("set " + words[0] + ": " + e.getMessage());
    }
    return show(session.limits());
  }

  private static Reply show(RenderLimits limits) {
    return Reply.text("depth " + limits.depth() + ", width " + limits.width(),
        JsonData.map("depth", limits.depth(), "width", limits.width()));
  }
}
