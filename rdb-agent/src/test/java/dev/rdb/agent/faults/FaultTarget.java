package dev.rdb.agent.faults;

import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.StreamChannel;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real target JVM ({@code faults.Main} of {@code src/test/resources/targets/faults}) with the built
 * agent jar and its own {@code user.home}, driven by lines on stdin; and rdb-core clients over TCP.
 */
final class FaultTarget implements AutoCloseable {

  static final Path AGENT_JAR = Path.of("target", "rdb-agent.jar").toAbsolutePath();
  private static Path classes;

  final Process process;
  private final Path home;
  private final Path stderr;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final OutputStream stdin;
  private final List<Connection> clients = new ArrayList<>();
  private int port;
  private String token;

  /** Starts the target; {@code agentOptions} null: without the agent. */
  FaultTarget(String agentOptions, String... jvmOptions) throws Exception {
    home = Files.createTempDirectory("rdb-home");
    stderr = Files.createTempFile("rdb-err", ".txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + home);
    command.addAll(List.of(jvmOptions));
    if (agentOptions != null) {
      command.add("-javaagent:" + AGENT_JAR + "=" + agentOptions);
    }
    command.addAll(List.of("-cp", compiled().toString(), "faults.Main"));
    process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    stdin = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          stdout.add(line);
        }
      } catch (IOException e) {
        stdout.add("<stdout failed: " + e + ">");
      }
    }, "test-target-stdout");
    reader.setDaemon(true);
    reader.start();
    expect("ready");
  }

  /** Sends {@code command} and waits for a line starting with {@code reply}; returns that line. */
  String run(String command, String reply) throws Exception {
    stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    return expect(reply);
  }

  /** The workload's steps per second, measured by the target over {@code millis}. */
  long rate(long millis) throws Exception {
    return Long.parseLong(run("rate " + millis, "rate ").substring(5));
  }

  private String expect(String prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String next = stdout.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("target did not print '" + prefix + "' within 60 s; stderr:\n"
            + stderr());
      }
      if (next.startsWith(prefix)) {
        return next;
      }
    }
  }

  String stderr() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The listener's port, from the agent file. */
  synchronized int port() throws Exception {
    if (port == 0) {
      Path file = home.resolve(Path.of(".rdb", "agents", process.pid() + ".json"));
      await("agent file " + file, () -> Files.exists(file) || !process.isAlive());
      String json = Files.readString(file);
      Matcher p = Pattern.compile("\"port\" : (\\d+)").matcher(json);
      Matcher t = Pattern.compile("\"token\" : \"([^\"]+)\"").matcher(json);
      if (!p.find() || !t.find()) {
        throw new AssertionError("agent file without port or token: " + json);
      }
      token = t.group(1);
      port = Integer.parseInt(p.group(1));
    }
    return port;
  }

  synchronized String token() throws Exception {
    port();
    return token;
  }

  /** An rdb-core client over a new socket. */
  Connection attach() throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
    return attach(socket);
  }

  /** An rdb-core client over {@code socket}, already connected to the agent (or a relay to it). */
  Connection attach(Socket socket) throws Exception {
    Connection c = Connection.connect(StreamChannel.over(socket), ConnectionOptions.builder()
        .token(token()).name("faults-client").callTimeout(Duration.ofSeconds(30)).build());
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  /** One of the agent's counters or gauges, read by a fresh client that then leaves. */
  long counter(String name) throws Exception {
    try (Connection c = attach()) {
      return (Long) ((RemoteRef) c.root().call("counters")).index(name);
    }
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(Connection::close);
    }
    process.destroyForcibly();
  }

  /** Polls {@code condition} until it holds or 30 s pass. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      LockSupport.parkNanos(20_000_000);
    }
  }

  private static synchronized Path compiled() throws IOException {
    if (classes != null) {
      return classes;
    }
    if (!Files.isRegularFile(AGENT_JAR)) {
      throw new IllegalStateException("build the agent first (mvn package): " + AGENT_JAR);
    }
    Path sources = Path.of("src", "test", "resources", "targets", "faults");
    Path out = Files.createTempDirectory("rdb-faults-target");
    List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-d", out.toString()));
    try (var files = Files.list(sources)) {
      files.map(Path::toString).forEach(args::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("target did not compile: " + sources);
    }
    classes = out;
    return out;
  }

  /** The class path a separate client JVM needs: rdb-core, msgpack and these test classes. */
  static String clientClassPath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (Class<?> c : List.of(Connection.class, org.msgpack.core.MessagePack.class,
        FaultTarget.class)) {
      entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
