package dev.rdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.it.RdbProcess.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: {@code java -jar rdb.jar} against {@link CrashingTarget} JVMs running the built
 * agent jar, on JDK 17 and, when installed, JDK 25. Every target crashes once before the tests
 * (post-mortem #1: {@code IllegalStateException} caused by {@code / by zero} in
 * {@code Checkout.subtotal}, eleven frames deep).
 */
class LiveAgentIT {
  private static final String SCRIPT = "exceptions; where; locals; p cart.customer; p cart.lines[1].quantity == 0; "
      + "p cart.lines.size(); fields cart; pp cart; up; locals; args; frame 11; locals; threads; cause; help";

  @TempDir static Path home;

  private static final List<TargetJvm> targets = new ArrayList<>();

  @BeforeAll
  static void startTargets() throws Exception {
    assertThat(TargetJvm.AGENT_JAR).as("the agent jar: the reactor builds rdb-agent before rdb-cli; alone, run "
        + "mvn -B -pl rdb-agent -am package -DskipTests first").isRegularFile();
    for (String java : RdbProcess.javas()) {
      TargetJvm target = TargetJvm.start(java, home, "port=0");
      target.crash();
      targets.add(target);
    }
  }

  @AfterAll
  static void stopTargets() throws Exception {
    for (TargetJvm target : targets) {
      target.close();
    }
  }

  private static Run rdb(String stdin, String... args) throws Exception {
    return RdbProcess.run(home, stdin, args);
  }

  @Test
  void everyCommandWorksScriptedAgainstARealAgent() throws Exception {
    for (TargetJvm target : targets) {
      Run run = rdb("", "attach", target.address(), "-c", SCRIPT);
      assertThat(run.exit()).as("exit; stderr: %s; target stderr: %s", run.err(), target.stderr()).isZero();
      assertThat(run.err()).as("stderr").isEmpty();
      assertThat(run.out())
          .contains("#1", "checkout-worker", "java.lang.IllegalStateException: checkout failed for Ada after 1 attempt")
          .contains("->  #0  * at dev.rdb.cli.it.CrashingTarget$Checkout.subtotal(CrashingTarget.java:")
          .contains("Caused by: java.lang.ArithmeticException: / by zero")
          .contains("line   CrashingTarget.Line      CrashingTarget.Line@")
          .contains("{sku=\"pear\", quantity=0, cents=100}")
          .contains("\"Ada\"", "boolean true", "int 2")
          .contains("  customer = \"Ada\"")
          .contains("->  #1  * at dev.rdb.cli.it.CrashingTarget$Checkout.subtotal")
          .contains("attempts  int")
          .contains("main ", "RUNNABLE", "checkout failed")
          .contains("Caused by: java.lang.ArithmeticException: / by zero\n    at dev.rdb.cli.it.CrashingTarget$Checkout");
    }
  }

  @Test
  void theReplWorksThroughADumbTerminal() throws Exception {
    for (TargetJvm target : targets) {
      Run run = rdb("where\nlocals\np cart.lines[0].sku\nquit\n", "attach", target.address());
      assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
      assertThat(run.out()).contains("· " + target.address() + " · 1 post-mortem ·")
          .contains("rdb #1 0:CrashingTarget$Checkout.subtotal> ")
          .contains("depth  int")
          .contains("\"apple\"");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void aCallRefusedByTheReadOnlyPolicySaysHowToEnableIt() throws Exception {
    TargetJvm target = targets.get(0);
    Run run = rdb("", "attach", target.address(), "-c", "p cart.clear()");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("error: cart.clear(): calling dev.rdb.cli.it.CrashingTarget$Cart.clear() on "
        + "dev.rdb.cli.it.CrashingTarget$Cart: refused by the agent's read-only policy (start the agent with the option "
        + "policy=full to allow method calls and field writes)");
    assertThat(rdb("", "attach", target.address(), "-c", "p cart.lines.size()").out()).contains("int 2");
  }

  @Test
  void underPolicyFullTheCallRuns() throws Exception {
    try (TargetJvm full = TargetJvm.start(RdbProcess.buildJava(), home, "port=0,policy=full")) {
      full.crash();
      Run run = rdb("", "attach", full.address(), "-c", "p cart.clear(); p cart.lines.size()");
      assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
      assertThat(run.out()).contains("int 0");
    }
  }

  @Test
  void aTlsAgentIsCheckedAgainstItsAgentFileAndPinned() throws Exception {
    try (TargetJvm tls = TargetJvm.start(RdbProcess.buildJava(), home, "port=0,tls=on")) {
      tls.crash();
      String agentFile = Files.readString(home.resolve(".rdb/agents/" + tls.pid() + ".json"));
      Matcher fingerprint = Pattern.compile("\"fingerprint\"\\s*:\\s*\"([0-9A-F:]+)\"").matcher(agentFile);
      assertThat(fingerprint.find()).as("fingerprint in %s", agentFile).isTrue();
      Run run = rdb("", "attach", tls.address(), "-c", "where; locals");
      assertThat(run.exit()).as("stderr: %s; target: %s", run.err(), tls.stderr()).isZero();
      assertThat(run.out()).contains("{sku=\"pear\", quantity=0, cents=100}");
      assertThat(Files.readString(home.resolve(".rdb/known_agents")))
          .contains(tls.address() + " " + fingerprint.group(1));
    }
  }

  @Test
  void aWrongTokenIsExitTwoWithOneLine() throws Exception {
    TargetJvm target = targets.get(0);
    Run run = rdb("", "attach", target.address(), "--token", "not-the-token", "-c", "where");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err().strip())
        .isEqualTo("rdb: " + target.address() + ": authentication failed: wrong token (from --token)");
  }

  @Test
  void aDeadAgentIsExitTwoWithOneLine() throws Exception {
    TargetJvm target = TargetJvm.start(RdbProcess.buildJava(), home, "port=0");
    String address = target.address();
    target.kill();
    Run run = rdb("", "attach", address, "--token", "any", "-c", "where");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("rdb: " + address + ": cannot connect: ");
  }

  @Test
  void aPidIsEnoughToAttachOnThisMachine() throws Exception {
    for (TargetJvm target : targets) {
      Run run = rdb("", "attach", Long.toString(target.pid()), "-c", "where");
      assertThat(run.exit()).as("exit; stderr: %s; target stderr: %s", run.err(), target.stderr()).isZero();
      assertThat(run.err()).as("stderr").isEmpty();
      assertThat(run.out()).contains("->  #0  * at dev.rdb.cli.it.CrashingTarget$Checkout.subtotal(CrashingTarget.java:");
    }
  }

  @Test
  void aPidWhoseJvmWasKilledSaysItIsGone() throws Exception {
    TargetJvm target = TargetJvm.start(RdbProcess.buildJava(), home, "port=0");
    long pid = target.pid();
    target.kill();
    Path stale = home.resolve(".rdb/agents/" + pid + ".json");
    assertThat(stale).as("kill -9 leaves the agent file").exists();
    Run run = rdb("", "attach", Long.toString(pid), "-c", "where");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("rdb: the JVM with pid " + pid + " is gone; its agent file " + stale
        + " is stale (left by a kill -9?); `rdb ps` lists the JVMs with an agent");

    try (TargetJvm next = TargetJvm.start(RdbProcess.buildJava(), home, "port=0")) {
      assertThat(next.port()).as("the next agent wrote its file").isPositive();
      assertThat(stale).as("the next agent deletes the file of the killed JVM").doesNotExist();
    }
  }

  @Test
  void aTargetThatDiesMidSessionEndsTheReplWithOneErrorLineAndExitTwo() throws Exception {
    TargetJvm target = TargetJvm.start(RdbProcess.buildJava(), home, "port=0");
    target.crash();
    Process repl = new ProcessBuilder(RdbProcess.buildJava(), "-Duser.home=" + home, "-jar", RdbProcess.JAR.toString(),
        "attach", target.address()).start();
    StringBuffer out = new StringBuffer();
    Thread pump = new Thread(() -> {
      try (InputStream in = repl.getInputStream()) {
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // The REPL ended.
      }
    }, "repl-stdout");
    pump.setDaemon(true);
    pump.start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(repl.getErrorStream()));
    repl.getOutputStream().write("where\n".getBytes(StandardCharsets.UTF_8));
    repl.getOutputStream().flush();
    String prompt = "rdb #1 0:CrashingTarget$Checkout.subtotal> ";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (out.toString().split(Pattern.quote(prompt), -1).length < 3) {
      assertThat(System.nanoTime()).as("second prompt; output so far: %s", out).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    target.kill();
    repl.getOutputStream().write("locals\n".getBytes(StandardCharsets.UTF_8));
    repl.getOutputStream().flush();
    assertThat(repl.waitFor(60, TimeUnit.SECONDS)).as("the REPL ends by itself, stdin still open").isTrue();
    repl.getOutputStream().close();
    assertThat(repl.exitValue()).isEqualTo(2);
    pump.join(10_000);
    assertThat(err.join()).as("the REPL writes to the terminal only").isEmpty();
    String after = out.substring(out.lastIndexOf(prompt) + prompt.length());
    assertThat(after.lines()).as("after the last prompt: %s", after).hasSize(1);
    assertThat(after).startsWith("error: " + target.address() + ": ").doesNotContain("\tat ");
  }

  private static String text(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void aDumpReadsBackWithTheSameWhereAndLocalsAsLive() throws Exception {
    for (TargetJvm target : targets) {
      Path dir = Files.createTempDirectory(home, "dumps");
      Run dump = rdb("", "dump", target.address(), "-o", dir.toString());
      assertThat(dump.exit()).as("stderr: %s", dump.err()).isZero();
      Path json;
      try (Stream<Path> files = Files.list(dir)) {
        json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      }
      assertThat(json.getFileName().toString()).endsWith("-IllegalStateException-1.json");
      String script = "where; locals; up; locals; frame 11; locals; p cart.lines[0].sku";
      Run live = rdb("", "attach", target.address(), "-c", script);
      Run offline = rdb("", "open", json.toString(), "-c", script);
      assertThat(offline.exit()).as("stderr: %s", offline.err()).isZero();
      assertThat(offline.out()).isEqualTo(live.out());
      String text = Files.readString(dir.resolve(json.getFileName().toString().replace(".json", ".txt")));
      assertThat(text).contains("--- frame #0 dev.rdb.cli.it.CrashingTarget$Checkout.subtotal(CrashingTarget.java:")
          .contains("{sku=\"pear\", quantity=0, cents=100}");
    }
  }

  @Test
  void psListsTheJvmAndWhereItsAgentListens() throws Exception {
    Run run = rdb("", "ps");
    assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
    for (TargetJvm target : targets) {
      assertThat(run.out().lines().filter(l -> l.startsWith(target.pid() + " ")))
          .singleElement().asString().contains(CrashingTarget.class.getName())
          .contains("rdb attach " + target.pid() + "  (" + target.address() + ", readonly)");
    }
  }

  @Test
  void injectLoadsTheAgentIntoARunningJvmThatThenCaptures() throws Exception {
    for (String java : RdbProcess.javas()) {
      try (TargetJvm plain = TargetJvm.start(java, home, null)) {
        Run inject = rdb("", "inject", Long.toString(plain.pid()), "--agent", TargetJvm.AGENT_JAR.toString());
        assertThat(inject.exit()).as("stderr: %s; target: %s", inject.err(), plain.stderr()).isZero();
        assertThat(inject.out()).as("port=0 unless chosen")
            .contains("injected the rdb agent into pid " + plain.pid() + "; it listens on port " + plain.port())
            .contains("rdb attach " + plain.pid());
        if (!java.equals(RdbProcess.buildJava())) {
          assertThat(inject.err()).as("JDK 25 target").contains("-XX:+EnableDynamicAgentLoading");
        }
        plain.crash();
        Run run = rdb("", "attach", plain.address(), "-c", "where; locals");
        assertThat(run.exit()).as("stderr: %s; target: %s", run.err(), plain.stderr()).isZero();
        assertThat(run.out()).contains("{sku=\"pear\", quantity=0, cents=100}");
        Run again = rdb("", "inject", Long.toString(plain.pid()), "--agent", TargetJvm.AGENT_JAR.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already runs an rdb agent");
      }
    }
  }
}
