package dev.rdb.bench.agent;

import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
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
 * An exception storm: one exception thrown 2–3 instrumented frames deep and caught per operation,
 * with the agent's default rate limit (100 new exceptions per throw site and second), so all but a
 * few hundred a second are dropped. Measures what a dropped exception costs against running
 * without the agent ({@code none}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StormBench {

  private static final int DEFAULT_RATE = 100;

  @Param({"none", "adaptive", "eager"})
  public String mode;

  private IntUnaryOperator storm;
  private int seed;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    storm = Variants.load("dev.rdb.bench.agent.workload.ThrowStorm", mode, DEFAULT_RATE);
  }

  @Benchmark
  public Object throwAndCatch() {
    try {
      return storm.applyAsInt(seed++);
    } catch (RuntimeException e) {
      return e;
    }
  }
}
