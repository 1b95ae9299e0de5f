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
 * (a) throughput of application-like code, and (b) the cost of an exception thrown 10 instrumented
 * frames deep and caught, each as compiled ({@code none}), instrumented with {@code this} and
 * parameters ({@code adaptive}) or with every local ({@code eager}). Every throw is captured (no
 * rate limit): the worst case. Run modes in alternating single forks (see docs/BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CaptureBench {

  @Param({"none", "adaptive", "eager"})
  public String mode;

  private IntUnaryOperator work;
  private IntUnaryOperator deep;
  private int seed;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    work = Variants.load("dev.rdb.bench.agent.workload.AppWork", mode);
    deep = Variants.load("dev.rdb.bench.agent.workload.DeepThrow", mode);
  }

  @Benchmark
  public int appWork() {
    return work.applyAsInt(seed++ & 1023);
  }

  @Benchmark
  public Object exception10Deep() {
    try {
      return deep.applyAsInt(10);
    } catch (IllegalStateException e) {
      return e;
    }
  }
}
