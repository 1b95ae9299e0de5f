package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.core.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code wait=SECONDS}: a JVM ending with a post-mortem stays up for a debugger, boundedly. */
class WaitIT {

  static List<String> javaHomes() {
    return LiveTarget.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void mainThreadCrashWaitsUntilADebuggerAttachedAndDetached(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0,wait=120")) {
      int port = target.port();
      target.send("die");
      InProcessServer.await("the wait line", () -> target.stderr().contains("waiting up to"),
          target::stderr);
      assertThat(target.process.isAlive()).as("kept alive for a debugger").isTrue();
      assertThat(target.stderr()).contains("rdb: the JVM is exiting; waiting up to 120 s for a "
          + "debugger to attach and detach (rdb attach 127.0.0.1:" + port + ")");
      Connection c = target.attach();
      assertThat(Navigation.locals(c, 1, 0)).containsEntry("amount", 100L)
          .containsEntry("label", "bob pays 100");
      assertThat(target.process.isAlive()).isTrue();
      c.close();
      assertThat(target.awaitExit()).as("exit code of a JVM whose main thread died").isEqualTo(1);
      assertThat(target.stderr()).contains("Exception in thread \"main\" java.lang.ArithmeticException");
      assertThat(target.agentFile()).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void waitEndsWhenTheTimeIsUp(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0,wait=1")) {
      target.send("die");
      assertThat(target.awaitExit()).isEqualTo(1);
      assertThat(target.stderr()).contains("waiting up to 1 s");
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void withoutWaitTheJvmExitsAsAlways(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0")) {
      target.send("die");
      assertThat(target.awaitExit()).isEqualTo(1);
      assertThat(target.stderr()).doesNotContain("waiting");
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void cleanExitDoesNotWait(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0,wait=120")) {
      target.send("exit");
      assertThat(target.awaitExit()).isZero();
      assertThat(target.stderr()).doesNotContain("waiting");
    }
  }
}
