package dev.rdb.agent.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real target JVM ({@code serve.Main} of {@code src/test/resources/targets/serve}) with the built
 * agent jar, its own {@code user.home}, driven by lines on stdin, and rdb-core clients to attach.
 */
final class LiveTarget implements AutoCloseable {

  static final Path AGENT_JAR = Path.of("target", "rdb-agent.jar").toAbsolutePath();
  /** An environment variable every target gets, whose name the default redaction matches. */
  static final String SECRET_VARIABLE = "RDB_IT_API_TOKEN";
  private static Path classes;

  final Process process;
  final Path home;
  final Path stderr;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final OutputStream stdin;
  private final List<Connection> clients = new ArrayList<>();

  /** The JDKs to run targets on: this one (17) and JDK 25 when {@code rdb.it.jdk25} exists. */
  static List<String> javaHomes() {
    List<String> homes = new ArrayList<>();
    homes.add(System.getProperty("java.home"));
    String jdk25 = System.getProperty("rdb.it.jdk25", "");
    if (!jdk25.isEmpty() && new File(jdk25, "bin/java").canExecute()) {
      homes.add(jdk25);
    }
    return homes;
  }

  /** Starts the target; {@code agentOptions} null: without the agent. */
  LiveTarget(String javaHome, String agentOptions, String... jvmOptions) throws Exception {
    home = Files.createTempDirectory("rdb-home");
    stderr = Files.createTempFile("rdb-err", ".txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    command.add("-Duser.home=" + home);
    command.addAll(List.of(jvmOptions));
    if (agentOptions != null) {
      command.add("-javaagent:" + AGENT_JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    command.addAll(List.of("-cp", compiled() + File.pathSeparator + AGENT_JAR, "serve.Main"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().put(SECRET_VARIABLE, "env-secret-never-on-the-wire");
    process = builder.start();
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

  /** Sends one command line. */
  void send(String command) throws IOException {
    stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Sends {@code command} and waits for the target to print {@code reply}. */
  void run(String command, String reply) throws Exception {
    send(command);
    expect(reply);
  }

  void expect(String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String next = stdout.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("target did not print '" + line + "' within 60 s; stderr:\n"
            + stderr());
      }
      if (next.equals(line)) {
        return;
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

  Path agentFile() {
    return AgentFile.pathFor(home.toString(), process.pid());
  }

  /** The agent file's fields, once it exists. */
  Map<String, Object> agentInfo() throws Exception {
    InProcessServer.await("agent file " + agentFile(), () -> Files.exists(agentFile())
        || !process.isAlive(), this::stderr);
    Map<String, Object> m = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(agentFile().toFile())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        m.put(name, t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_NUMBER_INT
            ? p.getLongValue() : t.isBoolean() ? p.getBooleanValue() : p.getText());
      }
    }
    return m;
  }

  int port() throws Exception {
    return (int) (long) (Long) agentInfo().get("port");
  }

  String token() throws Exception {
    return (String) agentInfo().get("token");
  }

  /** An rdb-core client, authenticated with the token of the agent file. */
  Connection attach() throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
    Connection c = Connection.connect(StreamChannel.over(socket), ConnectionOptions.builder()
        .token(token()).name("it-client").callTimeout(Duration.ofSeconds(30)).build());
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  /** Waits for the target to end; returns its exit code. */
  int awaitExit() throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("target did not end within 60 s; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(Connection::close);
    }
    process.destroyForcibly();
  }

  static synchronized Path compiled() throws IOException {
    if (classes != null) {
      return classes;
    }
    if (!Files.isRegularFile(AGENT_JAR)) {
      throw new IllegalStateException("build the agent first (mvn package): " + AGENT_JAR);
    }
    Path sources = Path.of("src", "test", "resources", "targets", "serve");
    Path out = Files.createTempDirectory("rdb-serve-target");
    List<String> plain = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      files.filter(f -> !f.endsWith("Params.java")).map(Path::toString).forEach(plain::add);
    }
    compile(out, List.of("-parameters"), List.of(sources.resolve("Params.java").toString()));
    compile(out, List.of(), plain);
    classes = out;
    return out;
  }

  private static void compile(Path out, List<String> extra, List<String> files) {
    List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-cp",
        AGENT_JAR + File.pathSeparator + out, "-d", out.toString()));
    args.addAll(extra);
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("target did not compile: " + files);
    }
  }
}
