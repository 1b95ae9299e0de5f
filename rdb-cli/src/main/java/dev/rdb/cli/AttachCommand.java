package dev.rdb.cli;

import dev.rdb.cli.live.LiveDebuggee;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rdb attach PID|HOST:PORT}: the REPL over a live agent. */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Attach to a JVM running the rdb agent and walk its post-mortems: frames, locals, "
        + "expressions evaluated in the target.",
        "Method calls run only when the agent allows them (policy=full); the default read-only policy "
            + "allows field reads and side-effect-free JDK methods."})
final class AttachCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AgentTarget agent;

  @Mixin SessionOptions options;

  @Override
  public Integer call() {
    LiveDebuggee debuggee = agent.attach(spec.commandLine().getErr());
    try (debuggee) {
      return new SessionRunner(spec.commandLine(), options).run(debuggee).code();
    }
  }
}
