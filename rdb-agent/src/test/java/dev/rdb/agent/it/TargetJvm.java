package dev.rdb.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the sample target once and runs it in real JVMs, with or without the built agent jar. */
final class TargetJvm {

  static final Path AGENT_JAR = Path.of("target", "rdb-agent.jar").toAbsolutePath();
  private static Path classes;

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

  static synchronized Path sampleClasses() throws IOException {
    if (classes != null) {
      return classes;
    }
    if (!Files.isRegularFile(AGENT_JAR)) {
      throw new IllegalStateException("build the agent first (mvn package): " + AGENT_JAR);
    }
    Path sources = Path.of("src", "test", "resources", "targets", "sample");
    Path out = Files.createTempDirectory("rdb-sample");
    List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-cp", AGENT_JAR.toString(),
        "-d", out.toString()));
    try (Stream<Path> files = Files.list(sources)) {
      files.map(Path::toString).forEach(args::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("sample did not compile");
    }
    classes = out;
    return out;
  }

  /** Runs {@code sample.Main scenario report} on {@code javaHome}; null agentOptions: no agent. */
  static Run run(String javaHome, String agentOptions, String scenario) throws Exception {
    Path report = Files.createTempFile("rdb-report", ".tsv");
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    if (agentOptions != null) {
      command.add("-javaagent:" + AGENT_JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    command.addAll(List.of("-cp", sampleClasses() + File.pathSeparator + AGENT_JAR,
        "sample.Main", scenario, report.toString()));
    Path stdout = Files.createTempFile("rdb-out", ".txt");
    Path stderr = Files.createTempFile("rdb-err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("target did not end in 60 s: " + command);
    }
    return new Run(p.exitValue(), read(stdout), read(stderr), Files.exists(report) ? read(report) : "");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a target run left. */
  record Run(int exitCode, String stdout, String stderr, String report) {

    /** Lines of the report that start with {@code kind}, split on tabs. */
    List<String[]> lines(String kind) {
      List<String[]> found = new ArrayList<>();
      for (String line : report.split("\n")) {
        String[] cells = line.split("\t", -1);
        if (cells[0].equals(kind)) {
          found.add(cells);
        }
      }
      return found;
    }

    long counter(String name) {
      return lines("counter").stream().filter(c -> c[1].equals(name)).mapToLong(c -> Long.parseLong(c[2]))
          .findFirst().orElseThrow(() -> new AssertionError("no counter " + name + " in\n" + report));
    }

    /** Locals of the first captured frame of {@code method}, as "name=type=value" strings, per post-mortem. */
    List<List<String>> locals(String method) {
      List<List<String>> all = new ArrayList<>();
      List<String> current = null;
      boolean inFrame = false;
      for (String line : report.split("\n")) {
        String[] c = line.split("\t", -1);
        if (c[0].equals("pm")) {
          current = null;
          inFrame = false;
        } else if (c[0].equals("frame")) {
          inFrame = c[2].equals(method) && c[4].equals("true") && current == null;
          if (inFrame) {
            current = new ArrayList<>();
            all.add(current);
          }
        } else if (c[0].equals("local") && inFrame) {
          current.add(c[1] + "=" + c[2] + "=" + c[4]);
        }
      }
      return all;
    }
  }
}
