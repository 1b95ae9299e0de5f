package dev.rdb.agent.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short exception storm (several hundred thousand exceptions a second when the machine is idle,
 * thrown through instrumented code and caught) in a target with a small heap: the store's bounds and
 * the per-site rate limit must keep the heap flat, and the post-mortem of a thread that dies at the
 * end must still be kept. No timing is asserted; throughput figures come from {@code
 * bench/scripts/exception-storm.sh} and are in {@code docs/TESTING.md}.
 */
class ExceptionStormIT {

  private static final long HEAP_BOUND = 24L << 20;

  @Test
  void captureAllStormKeepsTheHeapFlatAndTheFinalCrash() throws Exception {
    Jvm.Run run = storm("includes=hardening.Orders*,capture=all,keep=50", 8);

    assertHealthy(run);
    assertThat(Long.parseLong(run.lines("kept").get(0)[0])).as("ring full, never more than keep")
        .isEqualTo(50);
    assertThat(run.counter("postMortemsDropped")).as("the ring turned over").isPositive();
    assertThat(run.counter("rateLimited")).as("throw sites over their rate").isPositive();
  }

  @Test
  void storeBoundsHoldWhenCapturedValuesKeepTheirThrowablesAlive() throws Exception {
    Jvm.Run run = storm("includes=hardening.Orders*,capture=uncaught", 6);

    assertHealthy(run);
    assertThat(run.counter("storeEvicted")).as("pending captures past the count bound were evicted")
        .isPositive();
    assertThat(run.counter("rateLimited")).isPositive();
  }

  private static Jvm.Run storm(String agentOptions, int seconds) throws Exception {
    return Jvm.run(System.getProperty("java.home"), agentOptions, List.of("-Xmx64m"), List.of(),
        "hardening.Storm", List.of(String.valueOf(seconds), "1", "1"), 120);
  }

  private static void assertHealthy(Jvm.Run run) {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stderr()).as("no OutOfMemoryError").doesNotContain("OutOfMemoryError");
    List<String[]> samples = run.lines("sample");
    assertThat(samples).as(run.describe()).hasSizeGreaterThanOrEqualTo(3);
    for (String[] s : samples) {
      assertThat(Long.parseLong(s[1])).as("heap after GC at %s ms (bound %d MiB)", s[0], HEAP_BOUND >> 20)
          .isLessThan(HEAP_BOUND);
    }
    assertThat(Long.parseLong(run.lines("ops").get(0)[0])).as("exceptions thrown and caught").isPositive();
    assertThat(run.counter("bridgeError")).isZero();
    assertThat(run.counter("storeError")).isZero();
    List<String[]> fin = run.lines("final");
    assertThat(fin).as("the post-mortem of the thread that died at the end: %s", run.describe()).hasSize(1);
    assertThat(fin.get(0)[1]).isEqualTo("java.lang.IllegalStateException");
    assertThat(fin.get(0)[2]).isEqualTo("final crash 42000");
    assertThat(Integer.parseInt(fin.get(0)[3])).as("its instrumented frame was captured").isPositive();
    assertThat(fin.get(0)[4]).as("with its locals").contains("reason=final crash", "stamp=42000");
  }
}
