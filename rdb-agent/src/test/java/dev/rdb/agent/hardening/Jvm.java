package dev.rdb.agent.hardening;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the hardening targets ({@code src/test/resources/targets/hardening}) once and runs them in
 * real JVMs, with or without the built agent jar. A target writes a tab-separated report whose path
 * is its first argument.
 */
final class Jvm {

  static final Path AGENT_JAR = Path.of("target", "rdb-agent.jar").toAbsolutePath();
  static final Path THIRD_PARTY = Path.of("target", "third-party").toAbsolutePath();
  private static Path classes;

  private Jvm() {}

  /** JDK 25 when {@code rdb.it.jdk25} names one, else null. */
  static String jdk25() {
    String jdk25 = System.getProperty("rdb.it.jdk25", "");
    return !jdk25.isEmpty() && new File(jdk25, "bin/java").canExecute() ? jdk25 : null;
  }

  /** The jar in {@code target/third-party} whose file name is {@code name}. */
  static Path thirdParty(String name) {
    Path jar = THIRD_PARTY.resolve(name);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + " (copied by the pre-integration-test phase)");
    }
    return jar;
  }

  static synchronized Path targetClasses() throws IOException {
    if (classes != null) {
      return classes;
    }
    if (!Files.isRegularFile(AGENT_JAR)) {
      throw new IllegalStateException("build the agent first (mvn package): " + AGENT_JAR);
    }
    Path sources = Path.of("src", "test", "resources", "targets", "hardening", "hardening");
    Path out = Files.createTempDirectory("rdb-hardening");
    List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-Xlint:none", "-cp",
        AGENT_JAR + File.pathSeparator + thirdParty("junit-platform-console-standalone-1.14.4.jar"),
        "-d", out.toString()));
    try (Stream<Path> files = Files.list(sources)) {
      files.map(Path::toString).forEach(args::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("hardening targets did not compile");
    }
    classes = out;
    return out;
  }

  /**
   * Runs {@code mainClass report args…} on {@code javaHome} with {@code jvmOptions}; null
   * agentOptions: no agent. The class path is the targets, the agent jar (for {@code dev.rdb.agent.Rdb}
   * when no agent runs) and {@code classPath}.
   */
  static Run run(String javaHome, String agentOptions, List<String> jvmOptions, List<Path> classPath,
      String mainClass, List<String> args, int timeoutSeconds) throws Exception {
    Path report = Files.createTempFile("rdb-hardening", ".tsv");
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    if (agentOptions != null) {
      command.add("-javaagent:" + AGENT_JAR + "=" + agentOptions);
    }
    command.addAll(jvmOptions);
    StringBuilder cp = new StringBuilder(targetClasses() + File.pathSeparator + AGENT_JAR);
    classPath.forEach(p -> cp.append(File.pathSeparator).append(p));
    command.addAll(List.of("-cp", cp.toString(), mainClass, report.toString()));
    command.addAll(args);
    Path stdout = Files.createTempFile("rdb-out", ".txt");
    Path stderr = Files.createTempFile("rdb-err", ".txt");
    Process p = new ProcessBuilder(command).directory(Files.createTempDirectory("rdb-cwd").toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("target did not end in " + timeoutSeconds + " s: " + command
          + "\nstderr: " + Files.readString(stderr));
    }
    return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8),
        Files.exists(report) ? Files.readAllLines(report, StandardCharsets.UTF_8) : List.of());
  }

  /** What a target run left: exit code, output, and its report lines split on tabs. */
  record Run(int exitCode, String stdout, String stderr, List<String> report) {

    /** Report lines that start with {@code kind}, without that first cell. */
    List<String[]> lines(String kind) {
      List<String[]> found = new ArrayList<>();
      for (String line : report) {
        String[] cells = line.split("\t", -1);
        if (cells[0].equals(kind)) {
          String[] rest = new String[cells.length - 1];
          System.arraycopy(cells, 1, rest, 0, rest.length);
          found.add(rest);
        }
      }
      return found;
    }

    /** The {@code kind NAME VALUE} lines as a map. */
    Map<String, Long> numbers(String kind) {
      Map<String, Long> all = new LinkedHashMap<>();
      lines(kind).forEach(c -> all.put(c[0], Long.parseLong(c[1])));
      return all;
    }

    long counter(String name) {
      Long v = numbers("counter").get(name);
      if (v == null) {
        throw new AssertionError("no counter " + name + " in\n" + String.join("\n", report)
            + "\nstderr: " + stderr);
      }
      return v;
    }

    /** Everything, for assertion messages. */
    String describe() {
      return "exit " + exitCode + "\nreport:\n" + String.join("\n", report) + "\nstderr:\n"
          + (stderr.length() > 4000 ? stderr.substring(0, 4000) + "…" : stderr);
    }
  }
}
