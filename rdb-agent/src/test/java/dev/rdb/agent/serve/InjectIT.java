package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import dev.rdb.core.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code agentmain}: the agent injected into a running JVM, as {@code rdb inject PID} does. */
class InjectIT {

  static List<String> javaHomes() {
    return LiveTarget.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void injectedAgentRetransformsLoadedClassesAndServes(String javaHome) throws Exception {
    boolean modern = !javaHome.equals(System.getProperty("java.home"));
    // JDK 21+ warns about dynamically loaded agents unless the JVM allows them up front.
    String[] flags = modern ? new String[] {"-XX:+EnableDynamicAgentLoading"} : new String[0];
    try (LiveTarget target = new LiveTarget(javaHome, null, flags)) {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(target.process.pid()));
      try {
        vm.loadAgent(LiveTarget.AGENT_JAR.toString(), "includes=serve.*,port=0");
      } finally {
        vm.detach();
      }
      Map<String, Object> info = target.agentInfo();
      assertThat(info).containsEntry("mainClass", "serve.Main");
      String err = target.stderr();
      assertThat(err.lines().filter(l -> l.startsWith("rdb:"))).as(err).hasSize(1);
      // The manifest's Boot-Class-Path is appended when an agent is injected, and the JVM then
      // says class-data sharing is limited to boot classes: the one known line besides ours.
      assertThat(err.lines().filter(l -> !l.startsWith("rdb:"))).as(err).allMatch(l -> l.equals(
          "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes "
              + "because bootstrap classpath has been appended"));
      if (modern) {
        assertThat(err).contains("; injected: 3 loaded classes retransformed;");
      } else {
        assertThat(err).contains("; injected: 2 loaded classes retransformed, 1 left alone "
            + "(-parameters, JDK < 19);");
      }

      target.run("crash", "crashed");
      target.run("params", "params done");
      Connection c = target.attach();
      assertThat(Navigation.where(c, 1).get(0)).isEqualTo(
          new Navigation.Frame("serve.Checkout", "pay", 28, true));
      assertThat(Navigation.locals(c, 1, 0)).containsEntry("amount", 270L)
          .containsEntry("label", "ann pays 270");
      Navigation.Frame scale = Navigation.where(c, 2).get(0);
      assertThat(scale.methodName()).isEqualTo("scale");
      assertThat(scale.captured()).as("Params retransformed only where MethodParameters survive")
          .isEqualTo(modern);
    }
  }
}
