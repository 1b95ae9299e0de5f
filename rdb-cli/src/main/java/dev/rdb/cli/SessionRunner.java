package dev.rdb.cli;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.repl.CommandTable;
import dev.rdb.cli.repl.Console;
import dev.rdb.cli.repl.Failure;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.JsonConsole;
import dev.rdb.cli.repl.Repl;
import dev.rdb.cli.repl.Result;
import dev.rdb.cli.repl.ReplReaderFactory;
import dev.rdb.cli.repl.ScriptRunner;
import dev.rdb.cli.repl.Session;
import dev.rdb.cli.repl.TextConsole;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * Runs a session over any {@link Debuggee} (a dump now, a live agent later): the scripted forms
 * ({@code -c}, {@code --script}, {@code --json} on piped stdin) without touching the terminal, or
 * the interactive REPL.
 */
final class SessionRunner {
  private final CommandLine commandLine;
  private final SessionOptions options;

  SessionRunner(CommandLine commandLine, SessionOptions options) {
    this.commandLine = commandLine;
    this.options = options;
  }

  Exit run(Debuggee debuggee) {
    Session session = new Session(debuggee, options.sourcePath);
    session.selectNewest();
    Interpreter interpreter = new Interpreter(session, new CommandTable());
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    Console console = options.json ? new JsonConsole(out) : TextConsole.plain(out, err, options.debug);
    if (options.scripted()) {
      return exit(options.echo && !options.json ? echoed(commands(), interpreter, out) : ScriptRunner.run(commands(), interpreter, console));
    }
    if (options.json) {
      return exit(ScriptRunner.run(ScriptRunner.split(readStdin()), interpreter, console));
    }
    return interactive(interpreter, session) ? Exit.USAGE : Exit.OK;
  }

  /** Each command after the prompt it would have in the REPL, then its output: a transcript. */
  private Optional<Failure> echoed(List<String> commands, Interpreter interpreter, PrintWriter out) {
    Console console = TextConsole.plain(out, commandLine.getErr(), options.debug);
    for (String command : commands) {
      out.println(interpreter.session().prompt() + command);
      out.flush();
      Result result = interpreter.run(command);
      console.show(result);
      out.println();
      out.flush();
      if (!result.ok()) {
        return Optional.of(result.failure());
      }
      if (result.quit()) {
        break;
      }
    }
    return Optional.empty();
  }

  private List<String> commands() {
    StringBuilder all = new StringBuilder();
    if (options.commands != null) {
      all.append(options.commands).append('\n');
    }
    if (options.script != null) {
      try {
        all.append(Files.readString(options.script, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new RdbException("cannot read script " + options.script + ": " + e.getMessage(), Exit.USAGE);
      }
    }
    return ScriptRunner.split(all.toString());
  }

  private static String readStdin() {
    try (InputStream in = System.in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RdbException("cannot read commands from stdin: " + e.getMessage(), Exit.USAGE);
    }
  }

  private static Exit exit(Optional<Failure> failure) {
    return failure.map(f -> Exit.of(f.kind())).orElse(Exit.OK);
  }

  /** Runs the REPL; returns whether it ended because the target was lost (exit 2, as scripts). */
  private boolean interactive(Interpreter interpreter, Session session) {
    try (Terminal terminal = ReplReaderFactory.systemTerminal()) {
      LineReader reader = ReplReaderFactory.reader(terminal, interpreter, ReplReaderFactory.defaultHistoryFile());
      boolean colours = ReplReaderFactory.colours(terminal, System.getenv());
      PrintWriter writer = terminal.writer();
      Console console = new TextConsole(writer, writer,
          colours ? line -> line.toAnsi(terminal) : Object::toString, ReplReaderFactory.pager(terminal), options.debug);
      Banner.show(session, interpreter, console);
      return new Repl(reader, interpreter, console).run();
    } catch (IOException e) {
      throw new RdbException("cannot open the terminal: " + e.getMessage(), Exit.FAILED);
    }
  }
}
