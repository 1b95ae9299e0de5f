package dev.rdb.bench.core;

import dev.rdb.core.RemoteRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (c) Forcing a remote {@code List<Integer>} of 1,000,000 elements over loopback TCP (chunks
 * doubling from 64 to 65,536). Reported as elements per second. Target: ≥ 5 M elements/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ForceListBench {
  static final int SIZE = 1_000_000;

  /** The remote list. */
  public static final class Root {
    final List<Integer> numbers = new ArrayList<>(SIZE);

    Root() {
      for (int i = 0; i < SIZE; i++) {
        numbers.add(i);
      }
    }
  }

  private LoopbackSession session;
  private RemoteRef numbers;

  @Setup
  public void setUp() throws Exception {
    session = new LoopbackSession(new Root(), LoopbackSession.Sockets.CHANNELS);
    numbers = (RemoteRef) session.client.root().get("numbers");
  }

  @TearDown
  public void tearDown() {
    session.close();
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public List<Object> forceMillionIntegers() {
    List<Object> all = numbers.toList();
    if (all.size() != SIZE) {
      throw new IllegalStateException("forced " + all.size() + " elements, expected " + SIZE);
    }
    return all;
  }
}
