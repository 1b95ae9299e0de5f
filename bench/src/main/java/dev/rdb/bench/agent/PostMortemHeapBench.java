package dev.rdb.bench.agent;

import dev.rdb.agent.bridge.Bridge;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) retained heap per post-mortem of the 10-frames-deep exception: keeps {@code COUNT} of them in
 * the store's ring and reports the heap still used after a full GC, per post-mortem, as the
 * {@code bytesPerPostMortem} counter (one measured invocation per fork: run several forks). {@code none} keeps the same throwables without instrumentation
 * (frames from the stack trace only): the difference is what the captured locals cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class PostMortemHeapBench {

  private static final int COUNT = 2_000;
  private static final int FIRST = 200;

  @Param({"none", "eager"})
  public String mode;

  /** Reported by JMH beside the time: heap retained per post-mortem, in bytes. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Retained {
    public long bytesPerPostMortem;
  }

  private IntUnaryOperator deep;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    Variants.store(FIRST + COUNT, Integer.MAX_VALUE);
    deep = Variants.load("dev.rdb.bench.agent.workload.DeepThrow", mode);
  }

  @Benchmark
  public Object keepPostMortems(Retained retained) {
    // The first post-mortems pay one-time costs (sites, caches): keep them out of the figure.
    keep(FIRST);
    long before = usedAfterGc();
    keep(COUNT);
    long after = usedAfterGc();
    retained.bytesPerPostMortem = (after - before) / COUNT;
    return retained;
  }

  private void keep(int count) {
    for (int i = 0; i < count; i++) {
      try {
        deep.applyAsInt(10);
      } catch (IllegalStateException e) {
        e.getStackTrace();
        Bridge.postMortem(e);
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
