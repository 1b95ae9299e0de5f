package dev.rdb.cli;

import dev.rdb.cli.live.AgentFile;
import dev.rdb.cli.live.LocalJvms;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rdb ps}: this user's JVMs, and where their rdb agents listen. */
@Command(
    name = "ps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"List the JVMs of this user on this machine (the Attach API's list): pid, main class, and "
        + "where an rdb agent listens in it (from ~/.rdb/agents/<pid>.json), with the command that attaches to it.",
        "A JVM without an agent can get one with 'rdb inject PID'."})
final class PsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<LocalJvms.LocalJvm> jvms = LocalJvms.list(AgentTarget.home());
    PrintWriter out = spec.commandLine().getOut();
    int mainWidth = Math.max("MAIN CLASS".length(), jvms.stream().mapToInt(j -> j.mainClass().length()).max().orElse(0));
    out.println(String.format("%-8s %-" + mainWidth + "s  %s", "PID", "MAIN CLASS", "RDB AGENT").stripTrailing());
    for (LocalJvms.LocalJvm jvm : jvms) {
      out.println(String.format("%-8d %-" + mainWidth + "s  %s", jvm.pid(), jvm.mainClass(),
          jvm.agent().map(PsCommand::agent).orElse("-")).stripTrailing());
    }
    out.flush();
    return Exit.OK.code();
  }

  /** What to type to attach (the pid: it stays right whichever port the agent got), then where it listens. */
  private static String agent(AgentFile file) {
    StringBuilder s = new StringBuilder("rdb attach ").append(file.pid()).append("  (").append(file.address())
        .append(", ").append(file.policy() == null ? "?" : file.policy());
    if (file.tls()) {
      s.append(", TLS");
    }
    s.append(file.token() == null ? ", token from its options: give --token" : "").append(')');
    return s.toString();
  }
}
