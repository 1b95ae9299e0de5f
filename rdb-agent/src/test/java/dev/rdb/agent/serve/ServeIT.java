package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.core.Connection;
import dev.rdb.core.PolicyDeniedException;
import dev.rdb.core.Redacted;
import dev.rdb.core.RemoteRef;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped jar in real target JVMs (17, and 25 when installed), read by rdb-core clients. */
class ServeIT {

  static List<String> javaHomes() {
    return LiveTarget.javaHomes();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void clientListsPostMortemsAndReadsLocalsOfEveryFrameOfARealCrash(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0")) {
      target.run("crash", "crashed");
      Connection c = target.attach();
      assertThat(c.peerPolicy().name()).isEqualTo("readonly");
      List<Integer> ids = Navigation.postMortemIds(c);
      assertThat(ids).hasSize(1);
      List<Navigation.Frame> frames = Navigation.where(c, ids.get(0));
      assertThat(frames.get(0)).isEqualTo(new Navigation.Frame("serve.Checkout", "pay", 28, true));
      assertThat(frames.get(1).methodName()).as("the thread's lambda").startsWith("lambda$main$");
      long before = c.stats().roundTrips();
      for (int i = 0; i < frames.size(); i++) {
        Map<String, Object> locals = Navigation.locals(c, ids.get(0), i);
        if (!frames.get(i).captured()) {
          assertThat(locals).as("uncaptured frame %d has no locals", i).isEmpty();
        }
      }
      assertThat(c.stats().roundTrips() - before).as("one round trip per frame's locals")
          .isEqualTo(frames.size());
      assertThat(Navigation.locals(c, ids.get(0), 0)).containsEntry("this", "serve.Checkout")
          .containsEntry("amount", 270L).containsEntry("by", 0)
          .containsEntry("password", Redacted.INSTANCE)
          .containsEntry("label", "ann pays 270");
      RemoteRef environment = (RemoteRef) c.root().call("environment");
      assertThat(environment.index(LiveTarget.SECRET_VARIABLE)).isEqualTo(Redacted.INSTANCE);
      RemoteRef threads = (RemoteRef) c.root().call("threads");
      boolean mainSeen = false;
      for (Object t : threads.toList()) {
        RemoteRef thread = (RemoteRef) t;
        if ("main".equals(thread.get("name"))) {
          mainSeen = true;
          assertThat(thread.get("daemon")).isEqualTo(false);
          assertThat(((RemoteRef) thread.get("stack")).toList())
              .anyMatch(f -> f.toString().contains("serve.Main.main("));
        }
      }
      assertThat(mainSeen).as("the main thread is listed").isTrue();
      RemoteRef properties = (RemoteRef) c.root().call("systemProperties");
      assertThat(properties.call("containsKey", "msgpack.universal-buffer"))
          .as("the agent's msgpack setting is not left for the application's").isEqualTo(false);
      assertThat(properties.index("rdb.agent.port")).isEqualTo(Integer.toString(target.port()));
      RemoteRef counters = (RemoteRef) c.root().call("counters");
      for (String zero : List.of("transformFailed", "bridgeError", "serveError", "storeError")) {
        assertThat(counters.index(zero)).as(zero).isEqualTo(0L);
      }

      String err = target.stderr();
      assertThat(err.lines().filter(l -> l.startsWith("rdb:"))).as(err).hasSize(1);
      assertThat(err).doesNotContainIgnoringCase("warning");
      assertThat(err).startsWith("rdb: capturing serve.*; locals=eager, capture=uncaught, keep=100;"
          + " listening on 127.0.0.1:" + target.port() + " (readonly; token in "
          + target.agentFile() + ")").doesNotContain(target.token());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.agentFile())))
          .isEqualTo("rw-------");
      assertThat(target.agentInfo()).containsEntry("pid", target.process.pid())
          .containsEntry("mainClass", "serve.Main").containsEntry("tls", false);

      target.send("exit");
      assertThat(target.awaitExit()).isZero();
      assertThat(target.agentFile()).as("agent file removed at exit").doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void readonlySessionCannotExecExitStopThreadsOrWriteFields(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0")) {
      target.run("crash", "crashed");
      Connection c = target.attach();
      RemoteRef runtime = (RemoteRef) Navigation.local(c, 1, 0, "runtime");
      RemoteRef self = (RemoteRef) Navigation.local(c, 1, 0, "self");
      RemoteRef checkout = (RemoteRef) Navigation.local(c, 1, 0, "this");
      RemoteRef system = (RemoteRef) c.root().call("loadedClass", "java.lang.System");

      assertThatThrownBy(() -> runtime.call("exec", "touch " + target.home.resolve("pwned")))
          .isInstanceOf(PolicyDeniedException.class);
      assertThatThrownBy(() -> system.callStatic("exit", 3)).isInstanceOf(PolicyDeniedException.class);
      assertThatThrownBy(() -> self.call("stop")).isInstanceOf(PolicyDeniedException.class);
      assertThatThrownBy(() -> checkout.set("customer", "mallory"))
          .isInstanceOf(PolicyDeniedException.class);
      assertThatThrownBy(() -> system.setStatic("out", null)).isInstanceOf(PolicyDeniedException.class);

      assertThat(c.root().call("loadedClass", "dev.rdb.agent.serve.Debuggee"))
          .as("the agent's own classes are not served").isNull();
      assertThat(c.root().call("loadedClass", "no.such.Type")).isNull();
      assertThat(((RemoteRef) c.root().call("loadedClass", "serve.Checkout")).className().orElseThrow())
          .isEqualTo("serve.Checkout");
      assertThat(checkout.get("customer")).isEqualTo("ann");
      assertThat(checkout.get("apiToken")).isEqualTo(Redacted.INSTANCE);
      assertThat(target.home.resolve("pwned")).doesNotExist();
      target.run("ping", "pong");
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void tlsClientPinningTheAgentFilesFingerprintReadsTheCrash(String javaHome) throws Exception {
    try (LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=0,tls=on")) {
      target.run("crash", "crashed");
      String fingerprint = (String) target.agentInfo().get("fingerprint");
      assertThat(target.stderr()).contains(", TLS certificate SHA-256 " + fingerprint + " (");
      Connection c = ServerTlsTest.connectPinned(target.port(), target.token(), fingerprint);
      try {
        assertThat(Navigation.locals(c, 1, 0)).containsEntry("amount", 270L);
      } finally {
        c.close();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void portInUseLeavesTheTargetRunningWithoutTheListener(String javaHome) throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
        LiveTarget target = new LiveTarget(javaHome, "includes=serve.*,port=" + taken.getLocalPort())) {
      target.run("ping", "pong");
      String err = target.stderr();
      assertThat(err.lines()).hasSize(1);
      assertThat(err).contains("; not listening: cannot listen on 127.0.0.1:" + taken.getLocalPort()
          + ": ");
      assertThat(target.agentFile()).doesNotExist();
      target.run("crash", "crashed");
      target.run("ping", "pong");
    }
  }
}
