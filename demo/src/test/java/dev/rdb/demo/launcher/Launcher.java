package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs {@code ./rdb ARGS…} from the checkout as a user would, without a terminal: stdin from
 * {@code /dev/null}, {@code CI=true}, stdout and stderr merged into a file. The user's home is a
 * temporary directory ({@code RDB_JAVA_OPTS=-Duser.home=…}), so agent files never touch the real
 * {@code ~/.rdb}.
 */
final class Launcher {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  private final Process process;
  private final Path output;

  private Launcher(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static Launcher start(Path home, String... args) throws IOException {
    return startWithJavaOptions(home, "", args);
  }

  /** As {@link #start}, adding {@code javaOptions} to the JVM's (through RDB_JAVA_OPTS). */
  static Launcher startWithJavaOptions(Path home, String javaOptions, String... args)
      throws IOException {
    Path output = home.resolve("rdb-output.txt");
    List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("rdb").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("CI", "true");
    builder.environment().put("RDB_JAVA_OPTS", ("-Duser.home=" + home + " " + javaOptions).strip());
    builder.environment().remove("RDB_TOKEN");
    return new Launcher(builder.start(), output);
  }

  Process process() {
    return process;
  }

  /** Waits for the launcher to end; fails with its output when it does not within {@code limit}. */
  int await(Duration limit) throws IOException, InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./rdb did not end within " + limit + "; its output:\n" + output());
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  /** Polls the output until {@code condition} holds, at most {@code limit}. */
  String awaitOutput(Predicate<String> condition, Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    String text = output();
    while (!condition.test(text)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError("output did not show what was awaited within " + limit + ":\n" + text);
      }
      process.onExit().completeOnTimeout(null, 50, TimeUnit.MILLISECONDS).join();
      text = output();
    }
    return text;
  }

  /** The pid after {@code marker} in the output (e.g. {@code "[shop] started, pid "}). */
  static long pidAfter(String output, String marker) {
    int at = output.indexOf(marker);
    assertThat(at).as("'%s' in the output:%n%s", marker, output).isNotNegative();
    int from = at + marker.length();
    int to = from;
    while (to < output.length() && Character.isDigit(output.charAt(to))) {
      to++;
    }
    return Long.parseLong(output.substring(from, to));
  }

  /** Asserts that process {@code pid} ends within {@code limit}. */
  static void assertGone(long pid, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d still running after %s", pid, limit).isLessThan(deadline);
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().completeOnTimeout(p, 50, TimeUnit.MILLISECONDS).join());
    }
  }
}
