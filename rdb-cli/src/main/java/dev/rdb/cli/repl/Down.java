package dev.rdb.cli.repl;

/** {@code down [n]}: towards the throw (newer frames). */
final class Down implements ReplCommand {
  @Override
  public String name() {
    return "down";
  }

  @Override
  public String usage() {
    return "down [n]";
  }

  @Override
  public String summary() {
    return "move n frames (default 1) towards where it was thrown";
  }

  @Override
  public Reply run(Session session, String argument) {
    int n = Arguments.count(name(), argument, 1);
    session.postMortem();
    if (session.frameIndex() == 0 && n > 0) {
      throw new CommandException("already at the innermost frame #0");
    }
    int last = session.postMortem().frames().size() - 1;
    return FrameMove.to(session, Math.max(0, Math.min(last, session.frameIndex() - n)));
  }
}
