package dev.rdb.cli;

import dev.rdb.cli.live.AgentAddress;
import dev.rdb.cli.live.AgentConnector;
import dev.rdb.cli.live.ConnectFailedException;
import dev.rdb.cli.live.LiveDebuggee;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of every command that talks to a live agent ({@code attach}, {@code dump}): where and how. */
final class AgentTarget {
  @Parameters(index = "0", paramLabel = "HOST:PORT", description = "Where the agent listens, e.g. 127.0.0.1:7777.")
  String address;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The agent's token. Default: $" + AgentConnector.TOKEN_VARIABLE
          + ", else the agent file ~/.rdb/agents/<pid>.json of the JVM listening on that port of this machine.")
  String token;

  @Option(names = "--tls", description = "The agent uses TLS (tls=on). Known from the agent file on this machine; "
      + "the certificate is pinned on first use in ~/.rdb/known_agents.")
  boolean tls;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Give up connecting, and each call, after SECONDS (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** Attaches, or throws an {@link RdbException} with exit code 2 and one line naming the address. */
  LiveDebuggee attach(PrintWriter err) {
    AgentAddress parsed;
    try {
      parsed = AgentAddress.parse(address);
    } catch (IllegalArgumentException e) {
      throw new RdbException(e.getMessage(), Exit.USAGE);
    }
    if (timeoutSeconds < 1) {
      throw new RdbException("--timeout must be at least 1 second: " + timeoutSeconds, Exit.USAGE);
    }
    var request = new AgentConnector.Request(parsed, token, tls, home(), System.getenv(),
        Duration.ofSeconds(timeoutSeconds));
    try {
      return AgentConnector.attach(request, note -> {
        err.println(note);
        err.flush();
      });
    } catch (ConnectFailedException e) {
      throw new RdbException(parsed + ": " + e.getMessage(), Exit.USAGE);
    }
  }

  /** The user's home, where {@code ~/.rdb} lives ({@code user.home}, so tests can move it). */
  static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
