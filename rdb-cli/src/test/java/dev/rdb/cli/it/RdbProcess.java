package dev.rdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code java -jar rdb.jar …} as users run it, in its own process, {@code user.home} moved. */
final class RdbProcess {
  static final Path JAR = Path.of("target/rdb.jar").toAbsolutePath();

  record Run(int exit, String out, String err) {}

  private RdbProcess() {}

  /** The build's JVM, and JDK 25 when {@code rdb.it.jdk25} names an installed one. */
  static List<String> javas() {
    List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String jdk25 = System.getProperty("rdb.it.jdk25", "");
    if (!jdk25.isEmpty() && Files.isExecutable(Path.of(jdk25, "bin", "java"))) {
      javas.add(Path.of(jdk25, "bin", "java").toString());
    }
    return javas;
  }

  static String buildJava() {
    return javas().get(0);
  }

  static Run run(Path home, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(buildJava(), "-Duser.home=" + home, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("RDB_TOKEN");
    builder.environment().put("NO_COLOR", "1");
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("rdb %s exited", String.join(" ", args)).isTrue();
    return new Run(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
