package dev.rdb.cli;

import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.repl.Console;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.Session;

/** What the interactive REPL says first: what is open, and the selected post-mortem. */
final class Banner {
  private Banner() {}

  static void show(Session session, Interpreter interpreter, Console console) {
    int count = session.debuggee().postMortems().size();
    console.info("rdb " + VersionProvider.version() + " · " + session.debuggee().name() + " · "
        + (count == 1 ? "1 post-mortem" : count + " post-mortems")
        + (session.debuggee().live() ? "" : " (recorded: method calls need a live agent)")
        + " · 'help' lists the commands, Ctrl-D quits");
    boolean severalDumps = session.debuggee().postMortems().stream()
        .map(PostMortemSummary::origin).distinct().count() > 1;
    if (severalDumps) {
      console.show(interpreter.run("exceptions"));
    }
    session.selectedId().ifPresent(id -> console.show(interpreter.run("pm " + id)));
  }
}
