package dev.rdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link CrashingTarget} in its own JVM, with the built agent jar or without it (for inject),
 * its {@code user.home} moved to a test directory so its agent file lands there.
 */
final class TargetJvm implements AutoCloseable {
  static final Path AGENT_JAR = Path.of("../rdb-agent/target/rdb-agent.jar").toAbsolutePath().normalize();
  private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();
  private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*(\\d+)");
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Process process;
  private final Path home;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private final OutputStream stdin;

  private TargetJvm(Process process, Path home) {
    this.process = process;
    this.home = home;
    this.stdin = process.getOutputStream();
    pump(process.getInputStream(), line -> lines.add(line), "target-stdout");
    pump(process.getErrorStream(), line -> stderr.append(line).append('\n'), "target-stderr");
  }

  /** Starts the target on {@code java}; {@code agentOptions} null runs it without the agent. */
  static TargetJvm start(String java, Path home, String agentOptions, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(java, "-Duser.home=" + home, "-Xshare:auto"));
    command.addAll(List.of(jvmOptions));
    if (agentOptions != null) {
      command.add("-javaagent:" + AGENT_JAR + "=" + agentOptions);
    }
    command.addAll(List.of("-cp", TEST_CLASSES.toString(), CrashingTarget.class.getName()));
    TargetJvm target = new TargetJvm(new ProcessBuilder(command).start(), home);
    target.awaitLine("ready");
    return target;
  }

  long pid() {
    return process.pid();
  }

  String stderr() {
    return stderr.toString();
  }

  /** Makes the worker crash and waits until its thread has died. */
  void crash() throws IOException {
    stdin.write("crash\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    awaitLine("crashed");
  }

  /** The port its agent listens on, from the agent file (polled until written). */
  int port() throws IOException {
    Path file = home.resolve(".rdb/agents/" + pid() + ".json");
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (!Files.exists(file)) {
      assertThat(System.nanoTime()).as("agent file %s; stderr: %s", file, stderr).isLessThan(deadline);
      assertThat(process.isAlive()).as("target alive; stderr: %s", stderr).isTrue();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    // The agent moves the file into place whole, so one read sees all of it.
    Matcher port = PORT.matcher(Files.readString(file));
    assertThat(port.find()).as("port in %s", file).isTrue();
    return Integer.parseInt(port.group(1));
  }

  String address() throws IOException {
    return "127.0.0.1:" + port();
  }

  private void awaitLine(String expected) {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (true) {
      String line;
      try {
        line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for '" + expected + "'", e);
      }
      assertThat(line).as("line '%s' from the target; stderr: %s", expected, stderr).isNotNull();
      if (line.equals(expected)) {
        return;
      }
    }
  }

  /** Kills the target and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("target ended").isTrue();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already gone.
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private interface LineSink {
    void accept(String line);
  }

  private static void pump(InputStream in, LineSink sink, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // The process ended.
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}
