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

  /** What loading the agent into a JVM found out about it. */
  public record Injected(String javaSpecificationVersion) {
    /** Whether the JVM prints a warning for a dynamically loaded agent (JDK 21+, JEP 451). */
    public boolean warnsAboutDynamicAgents() {
      try {
        return Integer.parseInt(javaSpecificationVersion) >= 21;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /**
   * Loads {@code agentJar} into process {@code pid} with {@code options} ({@code agentmain}).
   *
   * @throws ConnectFailedException when the JVM cannot be attached (gone, not a JVM, attach disabled)
   * @throws IllegalStateException when the JVM refused the agent or the agent failed to start
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
      String version = vm.getSystemProperties().getProperty("java.specification.version", "?");
      vm.loadAgent(agentJar.toAbsolutePath().toString(), options == null || options.isEmpty() ? null : options);
      return new Injected(version);
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
