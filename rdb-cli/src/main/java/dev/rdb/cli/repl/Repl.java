package dev.rdb.cli.repl;

import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive loop. Ctrl-C while typing drops the line; Ctrl-C while a command runs interrupts
 * that command (the session stays); Ctrl-D or {@code quit} ends the loop.
 */
public final class Repl {
  private final LineReader reader;
  private final Interpreter interpreter;
  private final Console console;
  private volatile Thread running;

  public Repl(LineReader reader, Interpreter interpreter, Console console) {
    this.reader = reader;
    this.interpreter = interpreter;
    this.console = console;
  }

  /** Runs until {@code quit}, Ctrl-D or a lost target; returns whether the target was lost. */
  public boolean run() {
    Terminal terminal = reader.getTerminal();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
      Thread command = running;
      if (command != null) {
        command.interrupt();
      }
    });
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(interpreter.session().prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        interpreter.session().lineWidth(terminal.getWidth());
        running = Thread.currentThread();
        Result result;
        try {
          result = interpreter.run(line);
        } finally {
          running = null;
          Thread.interrupted();
        }
        console.show(result);
        if (!result.ok() && result.failure().kind() == Failure.Kind.TARGET_LOST) {
          return true;
        }
        if (result.quit()) {
          break;
        }
      }
      return false;
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        console.info("rdb: could not save history: " + e.getMessage());
      }
    }
  }
}
