package dev.rdb.agent.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults on the agent's side of a target, each run with and without the agent ({@code
 * hardening.Faults}): what the program observes must not change, the agent must count what it
 * dropped, and it must keep working afterwards. On JDK 17 and (when installed) JDK 25.
 */
class AgentFaultsIT {

  private static final String AGENT = "includes=hardening.Risky*:hardening.Hostile*:hardening.BrokenInit,capture=all";

  static Stream<String> javaHomes() {
    List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
    if (Jvm.jdk25() != null) {
      homes.add(Jvm.jdk25());
    }
    return homes.stream();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void outOfMemoryInTheCaptureDropsItAndTheProgramCatchesItsOwnException(String javaHome) throws Exception {
    Jvm.Run run = sameOutputWithAndWithoutAgent(javaHome, "oom", "-Xmx48m");
    assertThat(run.stdout()).as(run.describe()).contains("caught the prepared exception 5 of 5 times");
    assertThat(run.counter("captureDropped") + run.counter("bridgeError"))
        .as("captures dropped for want of memory are counted: %s", run.describe()).isPositive();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void capturedObjectsToStringHashCodeAndEqualsAreNeverCalled(String javaHome) throws Exception {
    Jvm.Run run = sameOutputWithAndWithoutAgent(javaHome, "hostile");
    assertThat(run.lines("forbiddenCalls").get(0)[0]).as("calls of toString/hashCode/equals").isEqualTo("0");
    assertThat(run.lines("pm")).as("each hostile exception kept: %s", run.describe()).hasSize(3);
    assertThat(run.lines("pm")).allSatisfy(pm -> {
      assertThat(pm[0]).isEqualTo("hardening.Hostile$HostileException");
      assertThat(pm[1]).as("message when getMessage() throws").isEqualTo("<getMessage() threw>");
      assertThat(Integer.parseInt(pm[2])).as("captured frames").isPositive();
    });
    assertThat(run.counter("applicationCodeThrew")).as("getMessage() failures counted").isEqualTo(3);
    assertThat(run.counter("bridgeError")).isZero();
    assertThat(run.counter("storeError")).isZero();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void stackOverflowThroughInstrumentedFramesIsCaughtAndTheAgentKeepsCapturing(String javaHome)
      throws Exception {
    Jvm.Run run = sameOutputWithAndWithoutAgent(javaHome, "recursion");
    assertThat(run.stdout()).contains("caught StackOverflowError", "caught ArithmeticException after the overflow");
    assertThat(run.lines("pm")).as(run.describe())
        .anySatisfy(pm -> assertThat(pm[0]).isEqualTo("java.lang.StackOverflowError"))
        .anySatisfy(pm -> {
          assertThat(pm[0]).isEqualTo("java.lang.ArithmeticException");
          assertThat(pm[2]).as("the capture after the overflow has its frame").isEqualTo("1");
        });
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void exceptionInAStaticInitializerFailsTheClassAsWithoutTheAgent(String javaHome) throws Exception {
    Jvm.Run run = sameOutputWithAndWithoutAgent(javaHome, "clinit");
    assertThat(run.stdout()).contains(
        "attempt 0: java.lang.ExceptionInInitializerError caused by java.lang.ArrayIndexOutOfBoundsException",
        "attempt 1: java.lang.NoClassDefFoundError");
    assertThat(run.lines("pm")).as(run.describe())
        .anySatisfy(pm -> assertThat(pm[0]).isEqualTo("java.lang.ArrayIndexOutOfBoundsException"));
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void capturesUnderHeldMonitorsNeitherDeadlockNorLeaveMonitorsHeld(String javaHome) throws Exception {
    Jvm.Run run = sameOutputWithAndWithoutAgent(javaHome, "monitor");
    assertThat(run.stdout()).contains("workers finished: true, monitors still held after a throw: 0");
    assertThat(run.counter("framesCaptured")).isPositive();
    assertThat(run.counter("bridgeError")).isZero();
  }

  /** Runs {@code scenario} without and with the agent; same stdout and exit code; returns the agent run. */
  private static Jvm.Run sameOutputWithAndWithoutAgent(String javaHome, String scenario, String... jvm)
      throws Exception {
    Jvm.Run without = Jvm.run(javaHome, null, List.of(jvm), List.of(), "hardening.Faults", List.of(scenario), 120);
    Jvm.Run with = Jvm.run(javaHome, AGENT, List.of(jvm), List.of(), "hardening.Faults", List.of(scenario), 120);
    assertThat(without.exitCode()).as(without.describe()).isZero();
    assertThat(with.exitCode()).as(with.describe()).isZero();
    assertThat(with.stdout()).as("what the program observes under the agent").isEqualTo(without.stdout());
    assertThat(with.stderr().lines().filter(l -> !l.startsWith("rdb: ")).toList())
        .as("nothing on stderr but the startup line").isEqualTo(without.stderr().lines().toList());
    return with;
  }
}
