package dev.rdb.cli.live;

/**
 * Which agent the user named on the command line: {@code HOST:PORT}, or the process id of a JVM on
 * this machine whose agent file ({@link AgentFile#forPid}) says where it listens. A bare number is a
 * pid, never a port: agents that could not have 7777 listen on a port the user need not know.
 */
public sealed interface AgentLocator permits AgentLocator.Address, AgentLocator.Pid {
  /** Largest process id any supported OS hands out (pid_t and DWORD fit in 32 bits). */
  long MAX_PID = 0xFFFF_FFFFL;

  /** {@code HOST:PORT} as typed. */
  record Address(AgentAddress address) implements AgentLocator {}

  /** A process id of this machine. */
  record Pid(long pid) implements AgentLocator {
    public Pid {
      if (pid < 1 || pid > MAX_PID) {
        throw new IllegalArgumentException("pid out of range 1.." + MAX_PID + ": " + pid);
      }
    }
  }

  /** Parses {@code PID} or {@code HOST:PORT}; the message of the exception is one line for the user. */
  static AgentLocator parse(String text) {
    if (text.indexOf(':') >= 0) {
      return new Address(AgentAddress.parse(text));
    }
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("expected PID or HOST:PORT, e.g. 4242 or 127.0.0.1:7777, got '" + text + "'");
    }
    // Ten digits hold every pid; more would overflow a long before the range check.
    long pid = negative || digits.length() > 10 ? -1 : Long.parseLong(digits);
    if (pid < 1 || pid > MAX_PID) {
      throw new IllegalArgumentException("not a process id: " + text + " (a pid is 1.." + MAX_PID + ")");
    }
    return new Pid(pid);
  }
}
