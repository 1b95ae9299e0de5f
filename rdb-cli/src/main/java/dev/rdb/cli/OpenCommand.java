package dev.rdb.cli;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.dump.DumpDebuggee;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdb open FILE.json|DIR}: the REPL over dump files. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Open a dump written by the agent (FILE.json), or every dump in DIR, and walk its "
        + "post-mortems offline.",
        "Recorded values answer as live ones; what the dump did not record says so, and method calls "
            + "need a live agent."})
final class OpenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", description = "A dump file (*.json) or a directory of them.")
  Path path;

  @Mixin SessionOptions options;

  @Override
  public Integer call() {
    Debuggee debuggee = DumpDebuggee.open(path);
    try (debuggee) {
      var err = spec.commandLine().getErr();
      ((DumpDebuggee) debuggee).warnings().forEach(w -> err.println("rdb: " + w));
      err.flush();
      return new SessionRunner(spec.commandLine(), options).run(debuggee).code();
    }
  }
}
