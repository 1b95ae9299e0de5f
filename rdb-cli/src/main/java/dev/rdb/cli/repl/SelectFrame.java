package dev.rdb.cli.repl;

/** {@code frame N}: select frame N (as numbered by {@code where}). */
final class SelectFrame implements ReplCommand {
  @Override
  public String name() {
    return "frame";
  }

  @Override
  public String usage() {
    return "frame N";
  }

  @Override
  public String summary() {
    return "select frame N as numbered by where";
  }

  @Override
  public Reply run(Session session, String argument) {
    if (argument.isEmpty()) {
      return FrameMove.to(session, session.frameIndex());
    }
    return FrameMove.to(session, Arguments.integer(name(), argument));
  }
}
