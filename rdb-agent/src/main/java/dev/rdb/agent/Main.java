package dev.rdb.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The agent's entry point, and nothing else: puts the agent jar on the bootstrap class path (for the
 * bridge and {@link Rdb}), creates the agent class loader and hands over to the agent proper.
 * Whatever goes wrong, the target keeps running: one line on stderr, agent disabled.
 */
public final class Main {

  private static final String STARTUP = "dev.rdb.agent.start.Startup";
  private static final String BRIDGE = "dev.rdb.agent.bridge.Bridge";

  private Main() {}

  /** {@code -javaagent:rdb-agent.jar=options}. */
  public static void premain(String options, Instrumentation inst) {
    start(options, inst, true);
  }

  /** Loaded into a running JVM. */
  public static void agentmain(String options, Instrumentation inst) {
    start(options, inst, false);
  }

  /**
   * True when the manifest's {@code Boot-Class-Path} already put the jar on the bootstrap path (the
   * jar kept its name). Appending again later would make the JVM warn about class-data sharing.
   */
  private static boolean bridgeOnBootstrapPath() {
    try {
      Class.forName(BRIDGE, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * The agent jar. Not from the protection domain: with {@code Boot-Class-Path} this class itself
   * comes from the bootstrap loader, which has none.
   */
  private static URL agentJar() throws java.io.IOException {
    URL self = Main.class.getResource("Main.class");
    if (self == null || !"jar".equals(self.getProtocol())) {
      throw new java.io.IOException("agent classes not loaded from a jar: " + self);
    }
    return ((JarURLConnection) self.openConnection()).getJarFileURL();
  }

  private static void start(String options, Instrumentation inst, boolean atLaunch) {
    try {
      URL location = agentJar();
      JarFile jar = new JarFile(new File(location.toURI()));
      if (!bridgeOnBootstrapPath()) {
        inst.appendToBootstrapClassLoaderSearch(jar);
      }
      ClassLoader agentLoader = new AgentClassLoader(jar, location);
      Class<?> startup = Class.forName(STARTUP, true, agentLoader);
      startup
          .getMethod("start", String.class, Instrumentation.class, boolean.class)
          .invoke(null, options, inst, atLaunch);
    } catch (Throwable t) {
      // Nothing to count into yet: the agent proper did not start. One line, the target goes on.
      System.err.println("rdb: agent disabled: could not start: " + t);
    }
  }
}
