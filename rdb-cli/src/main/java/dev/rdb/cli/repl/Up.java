package dev.rdb.cli.repl;

/** {@code up [n]}: towards the callers (older frames). */
final class Up implements ReplCommand {
  @Override
  public String name() {
    return "up";
  }

  @Override
  public String usage() {
    return "up [n]";
  }

  @Override
  public String summary() {
    return "move n frames (default 1) towards the callers";
  }

  @Override
  public Reply run(Session session, String argument) {
    int n = Arguments.count(name(), argument, 1);
    int last = session.postMortem().frames().size() - 1;
    if (session.frameIndex() >= last && n > 0) {
      throw new CommandException("already at the outermost frame #" + last);
    }
    return FrameMove.to(session, Math.max(0, Math.min(last, session.frameIndex() + n)));
  }
}
