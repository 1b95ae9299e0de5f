package dev.rdb.cli;

import dev.rdb.cli.demo.Checkout;
import dev.rdb.cli.demo.ChildJvm;
import dev.rdb.cli.live.AgentAddress;
import dev.rdb.cli.live.AgentConnector;
import dev.rdb.cli.live.AgentFile;
import dev.rdb.cli.live.ConnectFailedException;
import dev.rdb.cli.live.LiveDebuggee;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdb demo}: starts the demo shop with the agent, waits for its crash, and attaches the
 * REPL to the post-mortem; {@code rdb demo --seed}: the seed's remote-traceback demo. Without a
 * terminal (or in CI, or with {@code --tour}) the REPL runs a scripted tour and prints it. The demo
 * JVMs are stopped when the session ends, also on Ctrl-C or an error ({@link ChildJvm}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Run the demo: a shop service crashes one of its worker threads; rdb attaches to the post-mortem.",
        "On a terminal the REPL is interactive (try: where, up, locals, p order.items[0].price, cause, help); "
            + "without one, or with --tour, a scripted tour is printed. The demo JVM is stopped when rdb ends.",
        "--seed: the remote-traceback demo of PyPy's lib/distributed, in Java: a client calls a remote object "
            + "through a proxy, the server calls the client back and throws, and the client opens the REPL on "
            + "that remote traceback."})
final class DemoCommand implements Callable<Integer> {
  /** What the shop tour shows; frame moves are relative, so they hold on every JDK. */
  static final List<String> SHOP_TOUR = List.of(
      "exceptions", "where", "locals", "up", "locals", "up", "locals", "up 3", "list", "p ruleName",
      "p order.items[0].price", "p order.items.size()", "up 3", "locals", "p customer", "p customer.apiKey",
      "p appliedByRule", "cause", "threads");

  /** What the seed tour shows, on the post-mortem the client asked the server to keep. */
  static final List<String> SEED_TOUR = List.of(
      "where", "locals", "list", "p samples", "p totalWeight", "up", "locals", "p base", "p weights");

  private static final String SHOP_MAIN = "dev.rdb.demo.shop.ShopService";
  private static final String SEED_SERVER_MAIN = "dev.rdb.demo.seed.SeedServer";
  private static final String SEED_CLIENT = "dev.rdb.demo.seed.SeedClient";
  private static final Duration POLL = Duration.ofMillis(100);

  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Run the seed's remote-traceback demo instead of the shop.")
  boolean seed;

  @Option(names = "--tour", description = "Run the scripted tour even on a terminal.")
  boolean tour;

  @Option(names = "--java", paramLabel = "JAVA",
      description = "The java executable for the demo JVMs (default: the one running rdb), e.g. a JDK 25's bin/java.")
  Path java;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up when the demo has no post-mortem after SECONDS (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Mixin SessionOptions options;

  @Override
  public Integer call() throws IOException {
    Checkout checkout = Checkout.locate();
    List<Path> missing = checkout.missing();
    if (!missing.isEmpty()) {
      throw new RdbException("the demo is not built (missing " + missing.get(0) + "): run ./rdb demo, which builds it, "
          + "or in " + checkout.root() + ": " + Checkout.BUILD, Exit.FAILED);
    }
    if (waitSeconds < 1) {
      throw new RdbException("--wait must be at least 1 second: " + waitSeconds, Exit.USAGE);
    }
    if (options.sourcePath.isEmpty()) {
      options.sourcePath.add(checkout.demoSources());
    }
    return seed ? seed(checkout) : shop(checkout);
  }

  private int shop(Checkout checkout) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean touring = chooseTour(SHOP_TOUR);
    say(out, "starting the demo shop (" + SHOP_MAIN + ") with the rdb agent; one of its workers will crash…");
    List<String> arguments = List.of(agentOption(checkout, "dev.rdb.demo.*"), "-Duser.home=" + AgentTarget.home(),
        "-cp", checkout.demoClasses().toString(), SHOP_MAIN, "--crash");
    try (ChildJvm shop = ChildJvm.start("shop", javaExecutable(), arguments, Map.of(), checkout.demoLog("shop"),
        echo(out, "shop"))) {
      LiveDebuggee debuggee = awaitPostMortem(shop);
      try (debuggee) {
        shop.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
        shop.stopEcho();
        say(out, "post-mortem captured; the shop keeps serving (its output now goes to " + shop.log() + ")");
        say(out, touring ? "the tour (no terminal, so these commands run by themselves):"
            : options.scripted() ? "running your commands; the shop stops after them"
            : "attaching the REPL; it stops the shop when you quit (Ctrl-D)");
        return new SessionRunner(spec.commandLine(), options).run(debuggee).code();
      }
    }
  }

  private int seed(Checkout checkout) throws IOException {
    if (options.script != null) {
      throw new RdbException("--seed takes its commands with -c, not --script", Exit.USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean touring = chooseTour(SEED_TOUR);
    String token = newToken();
    Path portFile = checkout.demoClasses().getParent().resolve("rdb-demo-seed.port");
    Files.deleteIfExists(portFile);
    say(out, "starting the seed server (" + SEED_SERVER_MAIN + ") with the rdb agent…");
    List<String> arguments = List.of(agentOption(checkout, "dev.rdb.demo.seed.*"),
        "-Duser.home=" + AgentTarget.home(), "-cp", checkout.demoClasses() + File.pathSeparator + checkout.cliJar(),
        SEED_SERVER_MAIN, portFile.toString());
    try (ChildJvm server = ChildJvm.start("seed-server", javaExecutable(), arguments,
        Map.of("RDB_SEED_TOKEN", token), checkout.demoLog("seed-server"), echo(out, "server"))) {
      int port = awaitPortFile(server, portFile);
      AgentFile agent = awaitAgentFile(server);
      List<String> client = new ArrayList<>(List.of("--server", "127.0.0.1:" + port, "--token", token,
          "--debugger", agent.host() + ":" + agent.port()));
      options.sourcePath.forEach(p -> client.addAll(List.of("--source-path", p.toString())));
      if (touring) {
        client.addAll(List.of("--tour", options.commands));
      } else if (options.scripted() && options.commands != null) {
        client.addAll(List.of("--commands", options.commands));
      }
      int code = runClient(checkout, client, out);
      server.stopEcho();
      return code;
    }
  }

  /** Uses the tour as the commands when the session would otherwise read a terminal that is not there. */
  private boolean chooseTour(List<String> commands) {
    if (options.scripted()) {
      return false;
    }
    if (tour || options.json || !interactiveTerminal() || inCi()) {
      options.commands = String.join("; ", commands);
      options.echo = !options.json;
      return true;
    }
    return false;
  }

  /** The seed's client runs here, in rdb's JVM, so its REPL owns this terminal and its Ctrl-C. */
  private int runClient(Checkout checkout, List<String> arguments, PrintWriter out) {
    out.flush();
    URL classes;
    try {
      classes = checkout.demoClasses().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new RdbException("bad demo class path " + checkout.demoClasses() + ": " + e.getMessage(), Exit.FAILED);
    }
    try (URLClassLoader loader = new URLClassLoader("rdb-demo", new URL[] {classes}, getClass().getClassLoader())) {
      Method run = loader.loadClass(SEED_CLIENT).getMethod("run", String[].class);
      return (Integer) run.invoke(null, (Object) arguments.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      throw new RdbException("the seed client failed: " + e.getCause(), Exit.FAILED);
    } catch (ReflectiveOperationException | IOException e) {
      throw new RdbException("cannot run " + SEED_CLIENT + " from " + checkout.demoClasses() + ": " + e, Exit.FAILED);
    }
  }

  /** Attaches as soon as the agent listens, then waits for its first post-mortem. */
  private LiveDebuggee awaitPostMortem(ChildJvm target) {
    AgentFile agent = awaitAgentFile(target);
    long deadline = deadline();
    LiveDebuggee debuggee = attach(agent);
    while (debuggee.postMortems().isEmpty()) {
      if (!target.alive() || System.nanoTime() > deadline) {
        debuggee.close();
        throw !target.alive() ? exited(target)
            : new RdbException(target + " has no post-mortem after " + waitSeconds + " s (its output: "
                + target.log() + ")", Exit.NO_POST_MORTEM);
      }
      target.pause(POLL);
    }
    return debuggee;
  }

  /** The agent file the target's agent writes once it listens; the token stays in it, never printed. */
  private AgentFile awaitAgentFile(ChildJvm target) {
    long deadline = deadline();
    while (true) {
      Optional<AgentFile> file = AgentFile.ofPid(AgentTarget.home(), target.pid());
      if (file.isPresent()) {
        return file.get();
      }
      if (!target.alive()) {
        throw exited(target);
      }
      if (System.nanoTime() > deadline) {
        throw new RdbException(target + ": its rdb agent did not start listening within " + waitSeconds
            + " s (no " + AgentFile.directory(AgentTarget.home()).resolve(target.pid() + ".json") + "; output: "
            + target.log() + ")", Exit.USAGE);
      }
      target.pause(POLL);
    }
  }

  private int awaitPortFile(ChildJvm server, Path portFile) throws IOException {
    long deadline = deadline();
    while (!Files.exists(portFile)) {
      if (!server.alive()) {
        throw exited(server);
      }
      if (System.nanoTime() > deadline) {
        throw new RdbException(server + " did not start serving within " + waitSeconds + " s (output: "
            + server.log() + ")", Exit.FAILED);
      }
      server.pause(POLL);
    }
    String text = Files.readString(portFile, StandardCharsets.UTF_8).strip();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RdbException(server + " wrote a bad port to " + portFile + ": '" + text + "'", Exit.FAILED);
    }
  }

  private LiveDebuggee attach(AgentFile agent) {
    AgentAddress address = new AgentAddress(agent.host(), agent.port());
    // No environment: a RDB_TOKEN the user set for another agent must not shadow this agent's file.
    var request = new AgentConnector.Request(address, null, false, AgentTarget.home(), Map.of(),
        Duration.ofSeconds(Math.min(waitSeconds, 30)));
    PrintWriter err = spec.commandLine().getErr();
    try {
      return AgentConnector.attach(request, note -> {
        err.println(note);
        err.flush();
      });
    } catch (ConnectFailedException e) {
      throw new RdbException(address + ": " + e.getMessage(), Exit.USAGE);
    }
  }

  private RdbException exited(ChildJvm target) {
    List<String> tail = target.tail();
    String last = tail.isEmpty() ? "no output" : "last line: " + tail.get(tail.size() - 1);
    return new RdbException(target + " exited with status " + target.exitValue() + " before its post-mortem ("
        + last + "; all of it in " + target.log() + ")", Exit.FAILED);
  }

  private long deadline() {
    return System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
  }

  private Path javaExecutable() {
    if (java != null) {
      if (!Files.isExecutable(java)) {
        throw new RdbException("--java: not an executable: " + java, Exit.USAGE);
      }
      return java;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static String agentOption(Checkout checkout, String includes) {
    return "-javaagent:" + checkout.agentJar() + "=includes=" + includes + ",port=0";
  }

  private static java.util.function.Consumer<String> echo(PrintWriter out, String name) {
    return line -> {
      synchronized (out) {
        out.println("  " + name + " | " + line);
        out.flush();
      }
    };
  }

  private static void say(PrintWriter out, String line) {
    synchronized (out) {
      out.println("rdb demo: " + line);
      out.flush();
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A terminal at both ends: {@code System.console()}, which on JDK 22+ also exists without one. */
  private static boolean interactiveTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK < 22: console() is null unless stdin and stdout are a terminal
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** CI systems set {@code CI}; nobody types at a CI job's REPL. */
  private static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"0".equals(ci);
  }
}
