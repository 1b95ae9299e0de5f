package dev.rdb.cli.live;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The JVMs of this user on this machine, through the JDK's Attach API ({@code jdk.attach}): which
 * run an rdb agent (from their agent files), and loading the agent into one that does not. The
 * Attach API cannot attach a JVM to itself unless {@code jdk.attach.allowAttachSelf} is set, so
 * this JVM is never listed.
 */
public final class LocalJvms {
  private LocalJvms() {}

  /**
   * One JVM.
   *
   * @param mainClass the main class or jar as the JVM reports it, {@code ?} when unknown
   * @param agent its rdb agent's file, when an agent listens in it
   */
  public record LocalJvm(long pid, String mainClass, Optional<AgentFile> agent) {}

  private static String withPort(String options) {
    if (options == null || options.isBlank()) {
      return "port=0";
    }
    for (String option : options.split(",")) {
      if (option.strip().startsWith("port=")) {
        return options;
      }
    }
    return options + ",port=0";
  }

  /** Every JVM the Attach API sees, plus any live process with an agent file, by pid. */
  public static List<LocalJvm> list(Path home) {
    long self = ProcessHandle.current().pid();
    Map<Long, LocalJvm> byPid = new TreeMap<>();
    for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
      long pid;
      try {
        pid = Long.parseLong(vm.id());
      } catch (NumberFormatException e) {
        continue;
      }
      if (pid == self) {
        continue;
      }
      String display = vm.displayName().strip();
      String main = display.isEmpty() ? "?" : display.split("\\s+", 2)[0];
      byPid.put(pid, new LocalJvm(pid, main, AgentFile.ofPid(home, pid).filter(AgentFile::alive)));
    }
    for (AgentFile file : AgentFile.all(home)) {
      if (file.alive() && file.pid() != self && !byPid.containsKey(file.pid())) {
        byPid.put(file.pid(), new LocalJvm(file.pid(), file.mainClass() == null ? "?" : file.mainClass(),
            Optional.of(file)));
      }
    }
    return new ArrayList<>(byPid.values());
  }

  /** The system property an agent sets in its target while it listens: the port. */
  static final String PORT_PROPERTY = "rdb.agent.port";
  /** The system property an agent sets in its target while it listens: its agent file. */
  static final String FILE_PROPERTY = "rdb.agent.file";

  /**
   * What loading the agent into a JVM found out about it: its Java version, and — read from its
   * system properties once {@code agentmain} returned — the port and agent file when it listens.
   */
  public record Injected(String javaSpecificationVersion, Optional<Integer> port, Optional<String> agentFile) {
    /** Whether the JVM prints a warning for a dynamically loaded agent (JDK 21+, JEP 451). */
    public boolean warnsAboutDynamicAgents() {
      try {
        return Integer.parseInt(javaSpecificationVersion) >= 21;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /** The JVM runs an rdb agent already (a second one would only disable itself). */
  public static final class AlreadyRunningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException(String message) {
      super(message);
    }
  }

  /**
   * Loads {@code agentJar} into process {@code pid} with {@code options} ({@code agentmain}), with
   * {@code port=0} added unless the options choose a port (7777 is likely another agent's).
   *
   * @throws ConnectFailedException when the JVM cannot be attached (gone, not a JVM, attach disabled)
   * @throws IllegalStateException when the JVM refused the agent or the agent failed to start
   * @throws AlreadyRunningException when an agent listens in the JVM already
   */
  public static Injected inject(long pid, Path agentJar, String options) {
    if (pid == ProcessHandle.current().pid()) {
      throw new ConnectFailedException("rdb cannot inject into its own JVM");
    }
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(Long.toString(pid));
    } catch (AttachNotSupportedException e) {
      throw new ConnectFailedException("cannot attach to pid " + pid + ": " + e.getMessage()
          + " (is it a JVM of this user? started with -XX:+DisableAttachMechanism?)", e);
    } catch (IOException e) {
      throw new ConnectFailedException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
    }
    try {
      Properties before = vm.getSystemProperties();
      String running = before.getProperty(PORT_PROPERTY);
      if (running != null) {
        throw new AlreadyRunningException("pid " + pid + " already runs an rdb agent, listening on port " + running);
      }
      vm.loadAgent(agentJar.toAbsolutePath().toString(), withPort(options));
      // agentmain starts the listener and writes the agent file before it returns, so this is final.
      Properties after = vm.getSystemProperties();
      Optional<Integer> port = Optional.ofNullable(after.getProperty(PORT_PROPERTY)).map(Integer::valueOf);
      return new Injected(before.getProperty("java.specification.version", "?"), port,
          Optional.ofNullable(after.getProperty(FILE_PROPERTY)));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("pid " + pid + " reports a bad " + PORT_PROPERTY + ": " + e.getMessage(), e);
    } catch (AgentLoadException e) {
      throw new IllegalStateException("pid " + pid + " refused the agent " + agentJar + ": " + e.getMessage(), e);
    } catch (AgentInitializationException e) {
      throw new IllegalStateException("the agent failed to start in pid " + pid + " (its stderr says why): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new ConnectFailedException("lost pid " + pid + " while loading the agent: " + e.getMessage(), e);
    } finally {
      try {
        vm.detach();
      } catch (IOException e) {
        // The agent is loaded or failed either way; detaching a gone JVM changes nothing.
      }
    }
  }
}
