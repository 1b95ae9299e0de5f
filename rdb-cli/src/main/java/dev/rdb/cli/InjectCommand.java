package dev.rdb.cli;

import dev.rdb.cli.live.AgentFile;
import dev.rdb.cli.live.ConnectFailedException;
import dev.rdb.cli.live.LocalJvms;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdb inject PID [OPTIONS]}: load the agent into a running JVM. */
@Command(
    name = "inject",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Load the rdb agent into a running JVM of this user (its agentmain), with agent OPTIONS as "
        + "for -javaagent (e.g. port=7777,policy=full). Classes already loaded are instrumented by retransformation, "
        + "so exceptions thrown from then on are captured.",
        "On JDK 21 and later the target prints a warning about a dynamically loaded agent (JEP 451); start it "
            + "with -XX:+EnableDynamicAgentLoading to allow it quietly — later JDKs may refuse without it."})
final class InjectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PID", description = "The JVM's process id ('rdb ps' lists them).")
  long pid;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OPTIONS",
      description = "Agent options, comma-separated, as after -javaagent:rdb-agent.jar= (port=0, a free port, "
          + "unless they choose one).")
  String agentOptions;

  @Option(names = "--agent", paramLabel = "JAR",
      description = "The agent jar. Default: rdb-agent.jar beside rdb.jar, or rdb-agent/target/rdb-agent.jar of "
          + "the repository rdb.jar was built in.")
  Path agentJar;

  @Override
  public Integer call() {
    Path jar = agentJar != null ? agentJar : defaultAgentJar().orElseThrow(() -> new RdbException(
        "cannot find rdb-agent.jar beside rdb.jar or in rdb-agent/target: give it with --agent", Exit.USAGE));
    if (!Files.isRegularFile(jar)) {
      throw new RdbException("no agent jar at " + jar, Exit.USAGE);
    }
    LocalJvms.Injected injected;
    try {
      injected = LocalJvms.inject(pid, jar, agentOptions);
    } catch (ConnectFailedException e) {
      throw new RdbException(e.getMessage(), Exit.USAGE);
    } catch (LocalJvms.AlreadyRunningException | IllegalStateException e) {
      throw new RdbException(e.getMessage(), Exit.FAILED);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (injected.warnsAboutDynamicAgents()) {
      err.println("rdb: note: pid " + pid + " runs JDK " + injected.javaSpecificationVersion() + ", which prints a "
          + "warning about a dynamically loaded agent unless started with -XX:+EnableDynamicAgentLoading");
      err.flush();
    }
    if (injected.port().isPresent()) {
      // By pid only when its agent file is where this rdb looks: the target's user.home may be another.
      Path expected = AgentFile.directory(AgentTarget.home()).resolve(pid + ".json").toAbsolutePath().normalize();
      boolean findable = injected.agentFile().map(f -> Path.of(f).toAbsolutePath().normalize().equals(expected))
          .orElse(false);
      out.println("injected the rdb agent into pid " + pid + "; it listens on port " + injected.port().get()
          + injected.agentFile().map(f -> " (token in " + f + ")").orElse("") + " — rdb attach "
          + (findable ? Long.toString(pid) : "127.0.0.1:" + injected.port().get()));
    } else {
      out.println("injected the rdb agent into pid " + pid + "; it does not listen (port=off, or it could not: "
          + "its startup line on the target's stderr says why)");
    }
    out.flush();
    return Exit.OK.code();
  }

  /**
   * {@code rdb-agent.jar} beside rdb.jar (a distribution), or {@code rdb-agent/target/rdb-agent.jar}
   * in the repository rdb.jar (or its classes) was built in.
   */
  static Optional<Path> defaultAgentJar() {
    CodeSource source = InjectCommand.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    Path self;
    try {
      self = Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    for (Path dir = Files.isDirectory(self) ? self : self.getParent(); dir != null && candidates.size() < 8;
        dir = dir.getParent()) {
      candidates.add(dir.resolve("rdb-agent.jar"));
      candidates.add(dir.resolve("rdb-agent").resolve("target").resolve("rdb-agent.jar"));
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }
}
