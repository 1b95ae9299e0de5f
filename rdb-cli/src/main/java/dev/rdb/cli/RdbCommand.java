package dev.rdb.cli;

import java.util.ArrayList;
import java.util.List;
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
    footerHeading = "",
    footer = {"%nRun 'rdb COMMAND --help' for a command's options."})
final class RdbCommand implements Runnable {
  /**
   * The subcommands but {@code help}, in the order help lists them. Completion scripts are made
   * from the whole model, so {@code completion} never runs alone.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(AttachCommand.class,
      DumpCommand.class, OpenCommand.class, PsCommand.class, InjectCommand.class, DemoCommand.class,
      CompletionCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (attach, dump, open, ps, inject, demo, completion, help)");
  }

  /** The configured command line with every subcommand: error reporting, exit codes in every help footer. */
  static CommandLine commandLine() {
    List<Object> all = new ArrayList<>(SUBCOMMANDS);
    all.add(CommandLine.HelpCommand.class);
    return configured(all);
  }

  /**
   * The command line to run {@code args}: when they name a subcommand, with that one alone.
   * picocli builds its model of every command it is given, by reflection, before it parses: for
   * the six others that is ≈ 50 ms of every start (docs/BENCHMARKS.md).
   */
  static CommandLine commandLineFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : SUBCOMMANDS) {
        if (command != CompletionCommand.class
            && command.getAnnotation(Command.class).name().equals(args[0])) {
          return configured(List.of(command));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine configured(List<Object> subcommands) {
    CommandLine commandLine = new CommandLine(new RdbCommand());
    subcommands.forEach(commandLine::addSubcommand);
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
