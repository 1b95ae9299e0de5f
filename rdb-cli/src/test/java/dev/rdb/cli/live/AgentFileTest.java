package dev.rdb.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the agent of a pid the user named, in a temporary home: the file an agent writes is
 * used as it is; a missing, stale, foreign or broken one is one line that says which and why.
 */
class AgentFileTest {
  private static final long SELF = ProcessHandle.current().pid();

  @TempDir Path home;

  private Path write(long pid, String json) throws IOException {
    Path dir = AgentFile.directory(home);
    Files.createDirectories(dir);
    Path file = dir.resolve(pid + ".json");
    Files.writeString(file, json);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static String agentJson(long pid, String host, int port) {
    return agentJson(pid, host, port, "\"" + Instant.now() + "\"");
  }

  /** The file as an agent writes it, written at {@code startedAt} (JSON: a string or null). */
  private static String agentJson(long pid, String host, int port, String startedAt) {
    return "{\"format\": 1, \"pid\": " + pid + ", \"host\": \"" + host + "\", \"port\": " + port + ", \"token\": \"t0k\", "
        + "\"tls\": true, \"fingerprint\": \"AB:CD\", \"policy\": \"readonly\", \"mainClass\": \"com.acme.Shop\", "
        + "\"agentVersion\": \"0.1.0\", \"javaVersion\": \"17\", \"startedAt\": " + startedAt + "}";
  }

  /** A pid that was a process a moment ago and is none now. */
  private static long deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(gone.pid()).map(ProcessHandle::isAlive).orElse(false)).as("exited").isFalse();
    return gone.pid();
  }

  @Test
  void theFileOfALivePidSaysWhereAndHowToConnect() throws Exception {
    Path path = write(SELF, agentJson(SELF, "127.0.0.1", 40_001));
    AgentFile file = AgentFile.forPid(home, SELF);
    assertThat(file.address()).isEqualTo(new AgentAddress("127.0.0.1", 40_001));
    assertThat(file.path()).isEqualTo(path);
    assertThat(file.token()).isEqualTo("t0k");
    assertThat(file.tls()).isTrue();
    assertThat(file.fingerprint()).isEqualTo("AB:CD");
  }

  @Test
  void aWildcardBindAddressIsReachedOnLoopback() throws Exception {
    write(SELF, agentJson(SELF, "0.0.0.0", 40_001));
    assertThat(AgentFile.forPid(home, SELF).address()).isEqualTo(new AgentAddress("127.0.0.1", 40_001));
    write(SELF, agentJson(SELF, "::", 40_001));
    assertThat(AgentFile.forPid(home, SELF).address()).isEqualTo(new AgentAddress("127.0.0.1", 40_001));
  }

  @Test
  void aLiveJvmWithoutAFileHasNoAgent() {
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .isInstanceOf(ConnectFailedException.class)
        .hasMessage("no rdb agent found for pid " + SELF + " (no " + AgentFile.directory(home).resolve(SELF + ".json")
            + "; an agent started with port=off writes none); `rdb ps` lists the JVMs with an agent");
  }

  @Test
  void aPidWithoutAProcessSaysSo() throws Exception {
    long pid = deadPid();
    assertThatThrownBy(() -> AgentFile.forPid(home, pid))
        .hasMessage("no process with pid " + pid + " on this machine; `rdb ps` lists the JVMs with an agent");
  }

  @Test
  void theStaleFileOfAJvmThatIsGoneSaysItIsGone() throws Exception {
    long pid = deadPid();
    Path path = write(pid, agentJson(pid, "127.0.0.1", 40_001));
    assertThatThrownBy(() -> AgentFile.forPid(home, pid))
        .hasMessage("the JVM with pid " + pid + " is gone; its agent file " + path + " is stale (left by a kill -9?); "
            + "`rdb ps` lists the JVMs with an agent");
  }

  @Test
  void aPidTakenByAProcessStartedAfterTheFileWasWrittenIsStale() throws Exception {
    Path path = write(SELF, agentJson(SELF, "127.0.0.1", 40_001, "\"2020-01-01T00:00:00Z\""));
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();

    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .hasMessage("the JVM with pid " + SELF + " is gone: pid " + SELF + " is now a process started at " + started
            + ", after the agent wrote its file at 2020-01-01T00:00:00Z; its agent file " + path
            + " is stale (left by a kill -9?); `rdb ps` lists the JVMs with an agent");
    assertThat(AgentFile.ofPid(home, SELF)).hasValueSatisfying(file -> assertThat(file.alive()).isFalse());
    assertThat(AgentFile.forAddress(home, new AgentAddress("127.0.0.1", 40_001))).isEmpty();
  }

  @Test
  void aFileWrittenWhileItsProcessRunsIsAlive() throws Exception {
    write(SELF, agentJson(SELF, "127.0.0.1", 40_001));

    assertThat(AgentFile.forPid(home, SELF).alive()).isTrue();
    assertThat(AgentFile.forAddress(home, new AgentAddress("127.0.0.1", 40_001))).isPresent();
  }

  @Test
  void aFileThatDoesNotSayWhenItWasWrittenBelongsToTheLiveProcess() throws Exception {
    write(SELF, agentJson(SELF, "127.0.0.1", 40_001, "null"));

    AgentFile file = AgentFile.forPid(home, SELF);

    assertThat(file.startedAt()).isNull();
    assertThat(file.alive()).isTrue();
  }

  @Test
  void aStartedAtThatIsNoInstantSaysSo() throws Exception {
    Path path = write(SELF, agentJson(SELF, "127.0.0.1", 40_001, "\"yesterday\""));

    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .hasMessage("cannot use the agent file of pid " + SELF + ": " + path
            + " has a \"startedAt\" that is no instant: yesterday");
  }

  @Test
  void aNumberThatIsTheAgentsPortSuggestsTheAddress() throws Exception {
    long port = 40_000;
    while (ProcessHandle.of(port).isPresent()) {
      port++;
    }
    write(SELF, agentJson(SELF, "127.0.0.1", (int) port));
    long number = port;
    assertThatThrownBy(() -> AgentFile.forPid(home, number))
        .hasMessageContaining("no process with pid " + port)
        .hasMessageContaining("; to attach by port write 127.0.0.1:" + port + ";");
  }

  @Test
  void aCorruptFileSaysWhatIsWrong() throws Exception {
    Path path = write(SELF, "{\"format\": 1, \"pid\": ");
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .hasMessageStartingWith("cannot use the agent file of pid " + SELF + ": " + path + " is not valid JSON: ")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    write(SELF, "[1, 2]");
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF)).hasMessageEndingWith(path + " is not a JSON object");
    write(SELF, "{\"format\": 1, \"pid\": " + SELF + "}");
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF)).hasMessageEndingWith(path + " has no valid pid and port");
    write(SELF, agentJson(SELF, "127.0.0.1", 40_001).replace("\"format\": 1", "\"format\": 2"));
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .hasMessageEndingWith(path + " is in format 2; this rdb reads format 1 (is rdb older than the agent?)");
    write(SELF, agentJson(SELF + 1, "127.0.0.1", 40_001));
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF)).hasMessageEndingWith(path + " is for pid " + (SELF + 1));
  }

  @Test
  void aFileOthersMayReadIsNotTrusted() throws Exception {
    Path path = write(SELF, agentJson(SELF, "127.0.0.1", 40_001));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
        .hasMessage("cannot use the agent file of pid " + SELF + ": " + path + " may be read or written by others "
            + "(rw-r--r--): not trusted; the agent writes it 0600");
  }

  @Test
  void anUnreadableFileSaysSo() throws Exception {
    Path path = write(SELF, agentJson(SELF, "127.0.0.1", 40_001));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("-w-------"));
    try {
      assumeFalse(Files.isReadable(path), "a user who reads every file (root)");
      assertThatThrownBy(() -> AgentFile.forPid(home, SELF))
          .hasMessageStartingWith("cannot use the agent file of pid " + SELF + ": " + path + " cannot be read: ");
    } finally {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
