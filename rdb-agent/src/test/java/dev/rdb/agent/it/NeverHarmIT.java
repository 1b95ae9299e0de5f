package dev.rdb.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same program with and without the agent: same stdout, same stderr but for the agent's one
 * startup line (so no JVM warning either), same exit code.
 */
class NeverHarmIT {

  static List<String> javaHomes() {
    return TargetJvm.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void programBehavesTheSameWithAndWithoutTheAgent(String javaHome) throws Exception {
    TargetJvm.Run without = TargetJvm.run(javaHome, null, "harmless");
    TargetJvm.Run with = TargetJvm.run(javaHome, "includes=sample.*", "harmless");

    assertThat(with.exitCode()).isEqualTo(without.exitCode()).isEqualTo(1);
    assertThat(with.stdout()).isEqualTo(without.stdout());
    List<String> agentLines = with.stderr().lines().filter(l -> l.startsWith("rdb:")).toList();
    assertThat(agentLines).as("exactly one startup line").hasSize(1);
    String rest = with.stderr().lines().filter(l -> !l.startsWith("rdb:"))
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(rest).as("stderr without the startup line, stack traces included").isEqualTo(without.stderr());
    assertThat(with.stderr()).doesNotContainIgnoringCase("warning");
    assertThat(with.lines("pm")).hasSize(1);
    assertThat(with.counter("transformFailed")).isZero();
    assertThat(with.counter("bridgeError")).isZero();
  }
}
