package dev.rdb.cli;

import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TargetLostException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place rdb reports errors. An {@link RdbException} or a target error is one line on
 * stderr ({@code rdb: orders.json: line 3, column 7: unexpected end-of-input}); anything else is a
 * bug in rdb: one line too, and its stack trace only under {@code --debug}. Usage errors are one
 * line plus where to find help.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    PrintWriter err = command.getErr();
    if (e instanceof RdbException rdb) {
      err.println("rdb: " + rdb.getMessage());
      err.flush();
      return rdb.exit().code();
    }
    if (e instanceof TargetException target) {
      err.println("rdb: " + target.getMessage());
      err.flush();
      return (target instanceof TargetLostException ? Exit.USAGE : Exit.FAILED).code();
    }
    err.println("rdb: internal error: " + e + (debug(parseResult) ? "" : " (run with --debug for the stack trace)"));
    if (debug(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return Exit.FAILED.code();
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("rdb: " + e.getMessage());
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return Exit.USAGE.code();
  }

  private static boolean debug(CommandLine.ParseResult result) {
    for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
