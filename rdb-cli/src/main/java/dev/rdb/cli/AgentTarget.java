package dev.rdb.cli;

import dev.rdb.cli.live.AgentAddress;
import dev.rdb.cli.live.AgentConnector;
import dev.rdb.cli.live.AgentFile;
import dev.rdb.cli.live.AgentLocator;
import dev.rdb.cli.live.ConnectFailedException;
import dev.rdb.cli.live.LiveDebuggee;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of every command that talks to a live agent ({@code attach}, {@code dump}): which one and how. */
final class AgentTarget {
  @Parameters(index = "0", paramLabel = "PID|HOST:PORT",
      description = "The agent: the pid of a JVM on this machine (its agent file ~/.rdb/agents/<pid>.json says "
          + "where it listens; 'rdb ps' lists them), or where it listens, e.g. 127.0.0.1:7777.")
  String target;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The agent's token. Default: for a PID the token in its agent file, else $"
          + AgentConnector.TOKEN_VARIABLE + "; for HOST:PORT $" + AgentConnector.TOKEN_VARIABLE
          + ", else the agent file of the JVM listening on that port of this machine.")
  String token;

  @Option(names = "--tls", description = "The agent uses TLS (tls=on). Known from the agent file on this machine; "
      + "the certificate is pinned on first use in ~/.rdb/known_agents.")
  boolean tls;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Give up connecting, and each call, after SECONDS (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** Attaches, or throws an {@link RdbException} with exit code 2 and one line naming the agent. */
  LiveDebuggee attach(PrintWriter err) {
    AgentLocator locator = locator();
    if (timeoutSeconds < 1) {
      throw new RdbException("--timeout must be at least 1 second: " + timeoutSeconds, Exit.USAGE);
    }
    Consumer<String> notes = note -> {
      err.println(note);
      err.flush();
    };
    if (locator instanceof AgentLocator.Pid pid) {
      AgentFile file;
      try {
        file = AgentFile.forPid(home(), pid.pid());
      } catch (ConnectFailedException e) {
        throw new RdbException(e.getMessage(), Exit.USAGE);
      }
      AgentAddress address = file.address();
      try {
        return AgentConnector.attach(request(address), file, notes);
      } catch (ConnectFailedException e) {
        String why = e.getCause() instanceof ConnectException
            ? "nothing listens there, although the agent file " + file.path() + " says so (has the agent stopped "
                + "listening?): " + e.getCause().getMessage()
            : e.getMessage();
        throw new RdbException(address + " (pid " + pid.pid() + "): " + why, Exit.USAGE);
      }
    }
    AgentAddress address = ((AgentLocator.Address) locator).address();
    try {
      return AgentConnector.attach(request(address), notes);
    } catch (ConnectFailedException e) {
      throw new RdbException(address + ": " + e.getMessage(), Exit.USAGE);
    }
  }

  /**
   * The agent file of the agent named on the command line, when this machine has a live one: for a
   * pid its file, for an address that of the JVM listening on its port.
   */
  Optional<AgentFile> agentFile() {
    AgentLocator locator = locator();
    if (locator instanceof AgentLocator.Pid pid) {
      return AgentFile.ofPid(home(), pid.pid()).filter(AgentFile::alive);
    }
    return AgentFile.forAddress(home(), ((AgentLocator.Address) locator).address());
  }

  private AgentLocator locator() {
    try {
      return AgentLocator.parse(target);
    } catch (IllegalArgumentException e) {
      throw new RdbException(e.getMessage(), Exit.USAGE);
    }
  }

  private AgentConnector.Request request(AgentAddress address) {
    return new AgentConnector.Request(address, token, tls, home(), System.getenv(), Duration.ofSeconds(timeoutSeconds));
  }

  /** The user's home, where {@code ~/.rdb} lives ({@code user.home}, so tests can move it). */
  static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
