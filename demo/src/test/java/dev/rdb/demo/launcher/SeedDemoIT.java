package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rdb demo --seed} without a terminal: the client's call through a proxy comes back as a
 * RemoteException, and the tour walks the frames and locals of the server JVM for that exception.
 */
class SeedDemoIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path home;

  @Test
  void clientOpensTheReplOnTheServersTracebackWithItsLocals() throws Exception {
    Launcher rdb = Launcher.start(home, "demo", "--seed");

    int exit = rdb.await(LIMIT);
    String out = rdb.output();

    assertThat(exit).as("exit code of ./rdb demo --seed; output:%n%s", out).isZero();
    assertThat(out)
        .contains("[seed-client] caught RemoteException: the server threw java.lang.ArithmeticException: / by zero")
        .contains("[seed-client]     at dev.rdb.demo.seed.WeightedMean.of(WeightedMean.java:")
        .contains("the server kept it as post-mortem #1")
        .contains("->  #0  * at dev.rdb.demo.seed.WeightedMean.of(WeightedMean.java:")
        .contains("#1  * at dev.rdb.demo.seed.ScoringService.score(ScoringService.java:")
        .containsPattern("totalWeight +long +0")
        .containsPattern("count +int +3")
        .containsPattern("base +int +1")
        // The list is the client's: the server JVM reads it through a proxy, calling the client back.
        .containsPattern("samples +List +\\S*Proxy\\S* size=3 \\[1, 2, 3\\]");
    Launcher.assertGone(Launcher.pidAfter(out, "token in " + home.resolve(".rdb/agents") + "/"), Duration.ofSeconds(10));
    assertThat(home.resolve(".rdb/agents")).as("agent files left behind").isEmptyDirectory();
  }
}
