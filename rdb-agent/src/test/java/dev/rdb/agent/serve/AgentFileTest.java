package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent file an agent writes, and the files of killed JVMs it tidies away when it does. */
class AgentFileTest {
  private static final long SELF = ProcessHandle.current().pid();

  @TempDir Path home;

  private static AgentFile.Content content(long pid) {
    return new AgentFile.Content(pid, "127.0.0.1", 40_001, "t0k", false, null, "readonly",
        "com.acme.Main", "0.1.0", "17", "2026-11-26T04:00:00Z");
  }

  /** A pid that was a process a moment ago and is none now. */
  private static long deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(gone.pid())).as("process %d reaped", gone.pid()).isEmpty();
    return gone.pid();
  }

  @Test
  void writingAFileDeletesTheFilesOfPidsThatAreNoProcessAnyMore() throws Exception {
    long dead = deadPid();
    Path dir = AgentFile.pathFor(home.toString(), SELF).getParent();
    Files.createDirectories(dir);
    Path staleFile = Files.writeString(dir.resolve(dead + ".json"), "{}");
    Path staleTemp = Files.writeString(dir.resolve(dead + ".123456.tmp"), "{\"form");
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    Path liveFile = Files.writeString(dir.resolve(parent + ".json"), "{}");
    Path notOurs = Files.writeString(dir.resolve("notes.txt"), "kept");
    Path notAPid = Files.writeString(dir.resolve(dead + "x.json"), "kept");

    AgentFile file = AgentFile.write(AgentFile.pathFor(home.toString(), SELF), content(SELF));

    assertThat(file.path()).exists().content().contains("\"pid\" : " + SELF);
    assertThat(staleFile).doesNotExist();
    assertThat(staleTemp).doesNotExist();
    assertThat(liveFile).as("a live process's file").exists();
    assertThat(notOurs).exists();
    assertThat(notAPid).exists();
  }

  @Test
  void theFileIsGoneAfterDelete() throws Exception {
    AgentFile file = AgentFile.write(AgentFile.pathFor(home.toString(), SELF), content(SELF));

    assertThat(file.delete()).isTrue();
    assertThat(file.path()).doesNotExist();
    assertThat(file.delete()).isFalse();
  }
}
