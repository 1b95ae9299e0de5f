package dev.rdb.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built agent jar in real target JVMs, on JDK 17 and (when installed) JDK 25. */
class AgentIT {

  static List<String> javaHomes() {
    return TargetJvm.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void uncaughtCrashInMainIsRecordedWithEveryFramesLocals(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*", "uncaught");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines("pm")).as(run.report()).hasSize(1);
    assertThat(run.lines("pm").get(0)[2]).isEqualTo("java.lang.ArithmeticException");
    assertThat(run.locals("divide").get(0)).containsExactly(
        "amount=long=java.lang.Long=270", "by=int=java.lang.Integer=0",
        "ratio=double=java.lang.Double=2.7", "label=java.lang.String=java.lang.String=by 0");
    assertThat(run.locals("total").get(0)).contains("discountPercent=int=java.lang.Integer=10",
        "sum=int=java.lang.Integer=3", "scaled=long=java.lang.Long=270");
    assertThat(run.locals("main").get(0)).anyMatch(l -> l.startsWith("args=java.lang.String[]="));
    assertThat(run.counter("transformFailed")).isZero();
    assertThat(run.counter("bridgeError")).isZero();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void uncaughtCrashIsRecordedWhenTheApplicationInstallsItsOwnHandlerLater(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*", "handler-later");
    assertThat(run.stdout()).contains("own handler saw ArithmeticException in worker-1", "handler kept true");
    assertThat(run.lines("pm")).as(run.report()).hasSize(1);
    assertThat(run.lines("pm").get(0)[4]).isEqualTo("worker-1");
    assertThat(run.locals("total").get(0)).contains("discountPercent=int=java.lang.Integer=10");
    assertThat(run.counter("uncaughtHookFailed")).isZero();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void virtualThreadCrashIsRecorded(String javaHome) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(javaHome.contains("25"), "virtual threads: JDK 21+");
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*", "virtual");
    assertThat(run.lines("pm")).as(run.report() + run.stderr()).hasSize(1);
    assertThat(run.lines("pm").get(0)[4]).isEqualTo("virtual-1");
    assertThat(run.locals("divide").get(0)).contains("by=int=java.lang.Integer=0");
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void explicitPostMortemKeepsACaughtException(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*", "explicit");
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("caught and kept");
    assertThat(run.lines("pm")).hasSize(1);
    assertThat(run.locals("divide").get(0)).contains("amount=long=java.lang.Long=270");
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void adaptiveCapturesArgumentsFirstThenEveryLocalAfterRetransforming(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*,locals=adaptive", "adaptive");
    List<List<String>> divides = run.locals("divide");
    assertThat(divides).as(run.report()).hasSize(2);
    assertThat(divides.get(0)).containsExactly("amount=long=java.lang.Long=360", "by=int=java.lang.Integer=0");
    assertThat(divides.get(1)).contains("ratio=double=java.lang.Double=3.6",
        "label=java.lang.String=java.lang.String=by 0");
    assertThat(run.counter("classesRetransformed")).isPositive();
    assertThat(run.counter("retransformFailed")).isZero();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void captureAllKeepsExceptionsLeavingTheOutermostInstrumentedFrame(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.Shop,capture=all", "all");
    assertThat(run.stdout()).contains("caught 0", "caught 1");
    assertThat(run.lines("pm")).as(run.report()).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void badOptionsDisableTheAgentWithOneLineAndTheTargetRuns(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "includes=sample.*,colour=blue", "explicit");
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("caught and kept");
    assertThat(run.stderr()).isEqualTo(
        "rdb: agent disabled: unknown option 'colour' (known: capture, dump, excludes, host, includes, keep, "
            + "keystore, locals, policy, port, redact, storepass, tls, token, wait)\n");
    assertThat(run.lines("active").get(0)[1]).isEqualTo("false");
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void noIncludesMeansThePackageOfTheMainClassAndTheStartupLineSaysSo(String javaHome) throws Exception {
    TargetJvm.Run run = TargetJvm.run(javaHome, "", "explicit");
    assertThat(run.stderr()).startsWith(
        "rdb: capturing sample.* (package of main class sample.Main); locals=eager, capture=uncaught, keep=100");
    assertThat(run.locals("divide")).hasSize(1);
  }
}
