package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.cli.repl.CommandTable;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.Session;
import dev.rdb.cli.repl.TextConsole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code .txt} beside a dump: for every post-mortem, what the REPL prints for {@code where}
 * (after {@code pm N}), and {@code frame K} + {@code locals} of every captured frame — made by running
 * those commands over the dump just written, so the text and {@code rdb open} agree by
 * construction.
 */
final class DumpText {
  private DumpText() {}

  static String of(Path dumpJson) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    try (DumpDebuggee dump = DumpDebuggee.open(dumpJson)) {
      Session session = new Session(dump, List.of());
      Interpreter repl = new Interpreter(session, new CommandTable());
      TextConsole console = TextConsole.plain(out, out, false);
      boolean first = true;
      for (PostMortemSummary summary : dump.postMortems()) {
        if (!first) {
          out.println();
        }
        first = false;
        repl.run("pm " + summary.id());
        console.show(repl.run("where"));
        PostMortem pm = dump.postMortem(summary.id());
        for (FrameInfo frame : pm.frames()) {
          if (frame.captured()) {
            out.println();
            out.println("--- frame #" + frame.index() + " " + frame.stackTraceLine());
            repl.run("frame " + frame.index());
            console.show(repl.run("locals"));
          }
        }
      }
    }
    out.flush();
    return text.toString();
  }
}
