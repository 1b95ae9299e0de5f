package dev.rdb.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuietPointsTest {

  private final AtomicLong clock = new AtomicLong(-5_000);
  private final QuietPoints quiet = new QuietPoints(clock::get);

  @Test
  void pointIsQuietUntilItsDeadlineOnly() {
    quiet.quietFor(3, 2, 1_000);
    assertThat(quiet.quiet(3, 2)).isTrue();
    clock.addAndGet(999);
    assertThat(quiet.quiet(3, 2)).isTrue();
    clock.addAndGet(1);
    assertThat(quiet.quiet(3, 2)).as("deadline reached").isFalse();
  }

  @Test
  void otherPointsAndSitesStayOpen() {
    quiet.quietFor(3, 2, 1_000);
    assertThat(quiet.quiet(3, 1)).isFalse();
    assertThat(quiet.quiet(3, 7)).isFalse();
    assertThat(quiet.quiet(2, 2)).isFalse();
    assertThat(quiet.quiet(40_000, 0)).isFalse();
  }

  @Test
  void growingForLaterSitesKeepsEarlierDeadlines() {
    quiet.quietFor(0, 0, 1_000);
    quiet.quietFor(5, 9, 1_000);
    quiet.quietFor(70, 0, 1_000);
    quiet.quietFor(5, 1, 1_000);
    assertThat(quiet.quiet(0, 0)).isTrue();
    assertThat(quiet.quiet(5, 9)).isTrue();
    assertThat(quiet.quiet(5, 1)).isTrue();
    assertThat(quiet.quiet(70, 0)).isTrue();
  }

  @Test
  void nonsenseIsIgnored() {
    quiet.quietFor(-1, 0, 1_000);
    quiet.quietFor(1, -1, 1_000);
    quiet.quietFor(1, 1, 0);
    assertThat(quiet.quiet(-1, 0)).isFalse();
    assertThat(quiet.quiet(1, -1)).isFalse();
    assertThat(quiet.quiet(1, 1)).isFalse();
  }

  @Test
  void deadlinePastTheClocksOverflowStillHolds() {
    clock.set(Long.MAX_VALUE - 10);
    quiet.quietFor(1, 0, 100);
    clock.addAndGet(99);
    assertThat(quiet.quiet(1, 0)).as("clock wrapped, deadline not reached").isTrue();
    clock.addAndGet(1);
    assertThat(quiet.quiet(1, 0)).isFalse();
  }
}
