package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README.md's commands as written, with bash, from a directory that looks like the checkout
 * (links to {@code ./rdb}, {@code rdb-agent/}, {@code demo/}), so files they write stay out of it.
 * The service uses the agent's default port 7777 as the README does; when another process holds
 * it (another build on this machine), every command runs with only the port changed to a free one
 * ({@code port=N} added to the agent options), rather than attaching to a stranger. The JVMs
 * the commands start get a home of their own ({@code JAVA_TOOL_OPTIONS=-Duser.home=…}), so agent
 * files stay out of the real {@code ~/.rdb}; Maven keeps the real home, for its repository.
 */
class ReadmeIT {
  static final String SERVICE = "java -javaagent:rdb-agent/target/rdb-agent.jar=includes=dev.rdb.demo.* "
      + "-cp demo/target/classes dev.rdb.demo.shop.ShopService --crash";
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void theServiceWalkthroughRunsAsWritten() throws Exception {
    linkCheckout();
    List<String> service = Readme.blockWith(SERVICE);
    assertThat(service).containsExactly(SERVICE);
    int port = portFree(7777) ? 7777 : freePort();
    UnaryOperator<String> onPort = command -> command.replace("127.0.0.1:7777", "127.0.0.1:" + port)
        .replace("includes=dev.rdb.demo.* ", port == 7777 ? "includes=dev.rdb.demo.* " : "includes=dev.rdb.demo.*,port=" + port + " ");
    Path serviceOut = work.resolve("service.txt");
    ProcessBuilder shopBuilder = new ProcessBuilder("bash", "-c", "exec " + onPort.apply(SERVICE))
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(serviceOut.toFile());
    withOwnHome(shopBuilder);
    Process shop = shopBuilder.start();
    try {
      awaitText(shop, serviceOut, "[shop] order-worker-3 has died");
      for (String command : Readme.blockWith("./rdb ps")) {
        String out = run(onPort.apply(command));
        if (command.equals("./rdb ps")) {
          assertThat(out).contains("rdb attach " + shop.pid() + "  (127.0.0.1:" + port + ", readonly)");
        }
        if (command.contains("p order.items[0].price")) {
          assertThat(out).contains("{amount=89.00, currency=EUR}");
        }
        if (command.startsWith("./rdb open crash-dumps")) {
          assertThat(out).contains("dev.rdb.demo.shop.OrderProcessingException").containsPattern("divisor +BigDecimal");
        }
      }
    } finally {
      shop.destroy();
      shop.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theCiExampleLeavesDumpsThatOpenWalks() throws Exception {
    linkCheckout();
    Files.delete(work.resolve("demo"));
    // The ci-example writes its target/ beside its pom: give it a copy, not the checkout's.
    Path demo = Files.createDirectories(work.resolve("demo"));
    Files.createSymbolicLink(demo.resolve("target"), Launcher.ROOT.resolve("demo/target"));
    copyTree(Launcher.ROOT.resolve("demo/ci-example"), demo.resolve("ci-example"));
    List<String> block = Readme.blockWith("./rdb open demo/ci-example/target/rdb -c 'where; locals'");
    Process mvn = bash(block.get(0), false);
    assertThat(mvn.waitFor(LIMIT.toMillis() * 3, TimeUnit.MILLISECONDS)).as("mvn ended").isTrue();
    assertThat(mvn.exitValue()).as("the failing test fails the build, on purpose").isNotZero();
    String out = run(block.get(1));
    assertThat(out).contains("IllegalArgumentException: no VAT rate for region AT").contains("VatTable.rateFor");
  }

  private void linkCheckout() throws IOException {
    for (String name : List.of("rdb", "rdb-agent", "demo")) {
      Files.createSymbolicLink(work.resolve(name), Launcher.ROOT.resolve(name));
    }
  }

  private Process bash(String command, boolean ownHome) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
        .redirectInput(new File("/dev/null")).redirectErrorStream(true)
        .redirectOutput(work.resolve("command.txt").toFile());
    builder.environment().remove("RDB_TOKEN");
    builder.environment().put("PWD", work.toString());
    if (ownHome) {
      withOwnHome(builder);
    }
    return builder.start();
  }

  private void withOwnHome(ProcessBuilder builder) throws IOException {
    Path home = Files.createDirectories(work.resolve("home"));
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
  }

  /** Runs one README command; it must succeed. Returns its output. */
  private String run(String command) throws IOException, InterruptedException {
    Process process = bash(command, true);
    assertThat(process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("'%s' ended", command).isTrue();
    String out = Files.readString(work.resolve("command.txt"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("exit code of '%s'; output:%n%s", command, out).isZero();
    return out;
  }

  private static void awaitText(Process process, Path file, String text) throws IOException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
      assertThat(process.isAlive()).as("service alive; output:%n%s", Files.readString(file)).isTrue();
      assertThat(System.nanoTime()).as("'%s' within %s", text, LIMIT).isLessThan(deadline);
      process.onExit().completeOnTimeout(null, 50, TimeUnit.MILLISECONDS).join();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path relative = from.relativize(path);
        if (relative.startsWith("target")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
