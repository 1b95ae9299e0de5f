package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TargetLostException;
import dev.rdb.cli.expr.EvalException;
import dev.rdb.cli.expr.ExprSyntaxException;
import dev.rdb.cli.render.ValueRenderer;

/**
 * Runs one command line: the first word picks the command, the rest (trimmed, untouched) is its
 * argument. Every failure becomes a {@link Failure} with a message for the user; nothing escapes
 * as a stack trace.
 */
public final class Interpreter {
  private final Session session;
  private final CommandTable table;

  public Interpreter(Session session, CommandTable table) {
    this.session = session;
    this.table = table;
  }

  public Session session() {
    return session;
  }

  public CommandTable table() {
    return table;
  }

  public Result run(String line) {
    String trimmed = line.strip();
    int space = indexOfWhitespace(trimmed);
    String name = space < 0 ? trimmed : trimmed.substring(0, space);
    String argument = space < 0 ? "" : trimmed.substring(space).strip();
    try {
      ReplCommand command = table.find(name).orElseThrow(() -> new CommandException(table.unknown(name)));
      return new Result(trimmed, command.run(session, argument), null);
    } catch (ExprSyntaxException e) {
      return failed(trimmed, "syntax error at column " + (e.column() + 1) + ":\n" + e.pointAt(2), Failure.Kind.FAILED);
    } catch (EvalException e) {
      return failed(trimmed, e.getMessage(), Failure.Kind.FAILED);
    } catch (CommandException e) {
      return failed(trimmed, e.getMessage(), e.kind());
    } catch (TargetLostException e) {
      return failed(trimmed, e.getMessage(), Failure.Kind.TARGET_LOST);
    } catch (TargetException e) {
      if (Thread.currentThread().isInterrupted()) {
        return failed(trimmed, "cancelled", Failure.Kind.CANCELLED);
      }
      return failed(trimmed, e.getMessage(), Failure.Kind.FAILED);
    } catch (ValueRenderer.RenderCancelledException e) {
      return failed(trimmed, "cancelled", Failure.Kind.CANCELLED);
    } catch (RuntimeException | StackOverflowError e) {
      if (Thread.currentThread().isInterrupted()) {
        return failed(trimmed, "cancelled", Failure.Kind.CANCELLED);
      }
      return new Result(trimmed, null, new Failure("internal error in '" + name + "': " + e
          + " (run rdb with --debug for the stack trace)", Failure.Kind.FAILED, e));
    }
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Result failed(String line, String message, Failure.Kind kind) {
    return new Result(line, null, new Failure(message, kind));
  }
}
