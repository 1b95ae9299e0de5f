package dev.rdb.agent.serve;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.CaptureStore;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Redaction;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.function.Supplier;
import java.util.jar.Manifest;

/**
 * Starts the listener as the options say and arranges its end: the one place that wires TLS, the
 * token, the debuggee root, the agent file, the exit hook and {@code wait=}. Never throws and never
 * stops the target: whatever fails, the agent captures on and the startup line says why it does not
 * listen.
 */
public final class Server {

  /** System property set in the target while it listens: the port, for tools that list JVMs. */
  public static final String PORT_PROPERTY = "rdb.agent.port";
  /** System property set in the target while it listens: the agent file's path. */
  public static final String FILE_PROPERTY = "rdb.agent.file";

  private final Listener listener;
  private final AgentFile file;
  private final String description;

  private Server(Listener listener, AgentFile file, String description) {
    this.listener = listener;
    this.file = file;
    this.description = description;
  }

  /**
   * Starts listening; returns the startup line's part about it ({@code listening on …} or
   * {@code not listening: …}). A non-loopback address without TLS prints one warning line first.
   */
  public static String start(ServeOptions options, CaptureStore store, Counters counters,
      Instrumentation inst, String mainClass) {
    if (!options.listens()) {
      return "not listening (port=off)";
    }
    try {
      Server server = open(options, store::postMortems, inst::getAllLoadedClasses, counters,
          mainClass, ListenerLimits.DEFAULTS, System.getProperty("user.home"), System.err);
      try {
        Runtime.getRuntime().addShutdownHook(server.exitHook(options.waitSeconds(), counters));
      } catch (IllegalStateException shuttingDown) {
        server.close("the JVM is shutting down");
        return "not listening: the JVM is shutting down";
      }
      server.listener.start();
      return server.description;
    } catch (Failure f) {
      return "not listening: " + f.getMessage();
    } catch (Throwable t) {
      counters.error(Counter.SERVE_ERROR, "start", t);
      return "not listening: " + t;
    }
  }

  /** Why the listener did not start, as the startup line says it. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** Binds, writes the agent file; nothing runs until the listener is started. */
  static Server open(ServeOptions options, Supplier<List<PostMortemView>> postMortems,
      Supplier<Class<?>[]> loadedClasses, Counters counters, String mainClass,
      ListenerLimits limits, String userHome, PrintStream err) throws Failure {
    UniversalBuffer.select();
    Redaction redaction = options.redaction();
    ServerTls tls = null;
    if (options.tls()) {
      try {
        tls = options.keystore() == null ? ServerTls.selfSigned()
            : ServerTls.fromKeyStore(options.keystore(), options.storepass());
      } catch (GeneralSecurityException | IOException e) {
        throw new Failure("TLS: " + (options.keystore() == null ? "" : options.keystore() + ": ")
            + e.getMessage());
      }
    }
    boolean generated = options.token() == null;
    String token = generated ? newToken() : options.token();
    Sessions sessions = new Sessions(() -> counters.get(Counter.POST_MORTEMS));
    Debuggee root = new Debuggee(postMortems, loadedClasses,
        () -> countersWithGauges(counters, sessions), redaction, options.policy());
    ConnectionOptions connection = ConnectionOptions.builder().token(token).root(root)
        .policy(DebuggeePolicy.of(options.policy())).redaction(redaction)
        .callTimeout(limits.handshake()).name("agent").build();
    Listener listener;
    String portTaken = "";
    try {
      listener = Listener.bind(options.host(), options.port(), tls, connection, limits, counters,
          sessions);
    } catch (BindException taken) {
      if (options.portGiven()) {
        throw cannotListen(options, taken.getMessage());
      }
      // Only the default gives way: parallel test forks and a second service on one machine each
      // get a port of their own, found through the agent file (rdb ps, rdb attach PID).
      listener = bindFreePort(options, taken, tls, connection, limits, counters, sessions);
      portTaken = ", as port " + options.port() + " is taken";
    } catch (IOException | RuntimeException e) {
      throw cannotListen(options, e.getMessage());
    }
    InetSocketAddress address = listener.address();
    String where = hostPort(options.host(), address.getPort());
    long pid = ProcessHandle.current().pid();
    Path path = AgentFile.pathFor(userHome, pid);
    AgentFile file;
    try {
      file = AgentFile.write(path, new AgentFile.Content(pid, options.host(), address.getPort(),
          generated ? token : null, tls != null, tls == null ? null : tls.fingerprint(),
          options.policy().optionName(), mainClass, agentVersion(),
          Runtime.version().toString(), Instant.now().toString()));
    } catch (IOException | RuntimeException e) {
      if (generated) {
        listener.close();
        throw new Failure("cannot keep the generated token private in " + path + ": " + e);
      }
      file = null;
    }
    if (tls == null && !address.getAddress().isLoopbackAddress()) {
      err.println("rdb: WARNING: listening on " + where + " without TLS: anyone on the network "
          + "path can read what a debugger reads; use tls=on");
    }
    System.setProperty(PORT_PROPERTY, Integer.toString(address.getPort()));
    if (file != null) {
      System.setProperty(FILE_PROPERTY, path.toString());
    }
    StringBuilder line = new StringBuilder("listening on ").append(where).append(portTaken);
    if (tls != null) {
      line.append(", TLS certificate SHA-256 ").append(tls.fingerprint());
    }
    line.append(" (").append(options.policy().optionName()).append("; ");
    if (generated) {
      line.append("token in ").append(path);
    } else {
      line.append("token from the options").append(file == null ? ", no agent file"
          : ", agent file " + path);
    }
    if (options.waitSeconds() > 0) {
      line.append("; waits up to ").append(options.waitSeconds())
          .append(" s at exit for a debugger");
    }
    line.append(')');
    return new Server(listener, file, line.toString());
  }

  private static Listener bindFreePort(ServeOptions options, BindException taken, ServerTls tls,
      ConnectionOptions connection, ListenerLimits limits, Counters counters, Sessions sessions)
      throws Failure {
    try {
      return Listener.bind(options.host(), 0, tls, connection, limits, counters, sessions);
    } catch (IOException | RuntimeException e) {
      throw cannotListen(options, taken.getMessage() + ", nor on a free port: " + e.getMessage());
    }
  }

  private static Failure cannotListen(ServeOptions options, String why) {
    return new Failure("cannot listen on " + hostPort(options.host(), options.port()) + ": " + why);
  }

  Listener listener() {
    return listener;
  }

  String description() {
    return description;
  }

  /** Waits for a debugger if {@code wait=} asks, then ends every session and removes the file. */
  Thread exitHook(int waitSeconds, Counters counters) {
    String hint = "rdb attach " + hostPort(listener.address().getHostString(),
        listener.address().getPort());
    ExitWait wait = new ExitWait(waitSeconds, listener.sessions(), hint, System.err);
    Thread hook = new Thread(() -> {
      try {
        wait.await();
      } catch (Throwable t) {
        counters.error(Counter.SERVE_ERROR, "exit wait", t);
      }
      close("the target JVM is exiting");
    }, "rdb-exit");
    hook.setDaemon(true);
    return hook;
  }

  /** Stops listening, ends the sessions and deletes the agent file. */
  void close(String reason) {
    listener.close(reason);
    if (file != null) {
      file.delete();
    }
  }

  private static Map<String, Long> countersWithGauges(Counters counters, Sessions sessions) {
    Map<String, Long> all = new TreeMap<>(counters.snapshot());
    all.put("bridgeError", Bridge.errors());
    all.putAll(sessions.gauges());
    return all;
  }

  /** 256 random bits, URL-safe Base64 without padding (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code Implementation-Version} of the agent jar; {@code dev} when run from classes. */
  private static String agentVersion() {
    try {
      CodeSource source = Server.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location != null && location.getPath().endsWith(".jar")) {
        try (JarFile jar = new JarFile(Path.of(location.toURI()).toFile())) {
          Manifest manifest = jar.getManifest();
          String version = manifest == null ? null
              : manifest.getMainAttributes().getValue("Implementation-Version");
          if (version != null) {
            return version;
          }
        }
      }
    } catch (Exception e) {
      // Only the version is unknown; everything else works.
    }
    return "dev";
  }
}
