package dev.rdb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code rdb}: the top command; it only lists its subcommands. */
@Command(
    name = "rdb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Post-mortem debugger for the JVM: walk the frames and locals of a crash.",
    subcommands = {AttachCommand.class, DumpCommand.class, OpenCommand.class, PsCommand.class,
        InjectCommand.class, DemoCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "",
    footer = {"%nRun 'rdb COMMAND --help' for a command's options."})
final class RdbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (attach, dump, open, ps, inject, demo, completion, help)");
  }

  /** The configured command line: error reporting, exit codes in every help footer. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RdbCommand());
    ErrorReporter reporter = new ErrorReporter();
    commandLine.setExecutionExceptionHandler(reporter);
    commandLine.setParameterExceptionHandler(reporter);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    addExitCodes(commandLine);
    return commandLine;
  }

  private static void addExitCodes(CommandLine commandLine) {
    var usage = commandLine.getCommandSpec().usageMessage();
    String[] existing = usage.footer();
    String[] codes = Exit.footer();
    String[] footer = new String[existing.length + codes.length];
    System.arraycopy(codes, 0, footer, 0, codes.length);
    System.arraycopy(existing, 0, footer, codes.length, existing.length);
    usage.footer(footer);
    commandLine.getSubcommands().values().forEach(RdbCommand::addExitCodes);
  }
}
