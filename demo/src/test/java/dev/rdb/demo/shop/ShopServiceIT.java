package dev.rdb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo target as the demo does: a real JVM, judged by its exit status and output. */
class ShopServiceIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String CRASH_HEADER = "Exception in thread \"order-worker-3\" "
      + "dev.rdb.demo.shop.OrderProcessingException: discount rule 'volume-rebate:PERIPHERALS' "
      + "failed on order #1007 (customer C-104)";

  @TempDir Path dir;
  private Process process;

  @AfterEach
  void stopTarget() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void crashFlagKillsOrderWorkerThreeFirstAndExitAfterCrashExitsWithStatusOne() throws Exception {
    process = shop("--crash", "--exit-after-crash").redirectOutput(dir.resolve("out").toFile())
        .start();

    assertThat(process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        .as("target exited within %s", TIMEOUT).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("err")))
        .startsWith(CRASH_HEADER)
        .contains("Caused by: java.lang.ArithmeticException: / by zero")
        .contains("at dev.rdb.demo.shop.VolumeRebate.lambda$discountOn$0(");
    assertThat(Files.readAllLines(dir.resolve("out"))).containsExactly(
        Files.readAllLines(dir.resolve("out")).get(0),
        "[shop] order-worker-3 has died; 2 of 3 workers still running",
        "[shop] stopped (--exit-after-crash)");
  }

  @Test
  void byDefaultNormalOrdersComeFirstAndTheServiceKeepsServingAfterTheCrash() throws Exception {
    process = shop().start();
    BlockingQueue<String> lines = linesOf(process);

    List<String> seen = collectUntil(lines,
        output -> containsAll(output, "[shop] still serving", "order #1008 ", "order #1009 "),
        "the receipts of #1008 and #1009 and the 'still serving' line");

    assertThat(seen.get(0)).startsWith("[shop] started, pid " + process.pid());
    int died = seen.indexOf("[shop] order-worker-3 has died; 2 of 3 workers still running");
    assertThat(died).as("crash line in %s", seen).isPositive();
    for (long id = 1001; id <= 1006; id++) {
      String receipt = "order #" + id + " ";
      assertThat(seen.subList(0, died)).as("receipt of #%d before the crash", id)
          .anySatisfy(line -> assertThat(line).contains(receipt));
    }
    assertThat(seen).noneMatch(line -> line.contains("order #1007 "));
    assertThat(process.isAlive()).as("service still running after the crash").isTrue();
    assertThat(Files.readString(dir.resolve("err"))).startsWith(CRASH_HEADER);
  }

  @Test
  void unknownArgumentIsAUsageErrorWithStatusTwo() throws Exception {
    process = shop("--explode").start();

    assertThat(process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("err"))).startsWith("shop: unknown argument: --explode");
  }

  private ProcessBuilder shop(String... args) throws URISyntaxException {
    Path classes = Path.of(ShopService.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes.toString(), ShopService.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dir.resolve("err").toFile());
  }

  private static BlockingQueue<String> linesOf(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        in.lines().forEach(lines::add);
      } catch (IOException e) {
        lines.add("<stdout failed: " + e + ">");
      }
    }, "shop-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Collects stdout lines until {@code done} holds for them, failing after the timeout. */
  private static List<String> collectUntil(BlockingQueue<String> lines,
      Predicate<List<String>> done, String what) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!done.test(seen)) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(line).as("%s within %s; got %s", what, TIMEOUT, seen).isNotNull();
      seen.add(line);
    }
    return seen;
  }

  private static boolean containsAll(List<String> lines, String... fragments) {
    return Stream.of(fragments)
        .allMatch(fragment -> lines.stream().anyMatch(line -> line.contains(fragment)));
  }
}
