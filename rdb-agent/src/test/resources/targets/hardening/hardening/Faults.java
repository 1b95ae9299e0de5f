package hardening;

import dev.rdb.agent.Rdb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Agent-side faults, one scenario per run: {@code oom}, {@code hostile}, {@code recursion},
 * {@code clinit}, {@code monitor}. Each prints what the program itself observes on stdout (the same
 * with and without the agent) and writes a report: {@code counter NAME N}, {@code pm TYPE MESSAGE
 * CAPTURED_FRAMES}, and scenario lines. Arguments: report, scenario. This class is not
 * instrumented; {@link Risky} is.
 */
public final class Faults {

  private Faults() {}

  public static void main(String[] args) throws Exception {
    List<String> report = new ArrayList<>();
    switch (args[1]) {
      case "oom": outOfMemory(report); break;
      case "hostile": hostile(report); break;
      case "recursion": recursion(report); break;
      case "clinit": classInitialization(); break;
      case "monitor": monitor(report); break;
      default: throw new IllegalArgumentException(args[1]);
    }
    for (Map.Entry<String, Long> c : Rdb.counters().entrySet()) {
      report.add("counter\t" + c.getKey() + "\t" + c.getValue());
    }
    for (Map<String, Object> pm : Rdb.postMortems()) {
      report.add("pm\t" + pm.get("exceptionType") + "\t" + pm.get("message") + "\t" + captured(pm));
    }
    Files.write(Path.of(args[0]), report, StandardCharsets.UTF_8);
  }

  /**
   * The heap is filled until allocation fails, then instrumented code throws a preallocated
   * exception: the program needs no memory to catch it, the agent's handler would need some to
   * capture. The program must catch its own exception, not an OutOfMemoryError.
   */
  private static void outOfMemory(List<String> report) {
    IllegalStateException prepared = new IllegalStateException("prepared before the heap was full");
    long[] big = new long[1 << 16];
    Object[] caught = new Object[1];
    try {
      Risky.throwPrepared(prepared, big, 2);
    } catch (Throwable t) {
      caught[0] = t;
    }
    int rounds = 5;
    int same = 0;
    for (int round = 0; round < rounds; round++) {
      List<Object> fill = new ArrayList<>();
      fillHeap(fill);
      try {
        Risky.throwPrepared(prepared, big, round);
      } catch (Throwable t) {
        caught[0] = t;
      }
      fill.clear();
      if (caught[0] == prepared) {
        same++;
      } else {
        report.add("oomCaught\t" + caught[0].getClass().getName());
      }
    }
    System.out.println("caught the prepared exception " + same + " of " + rounds + " times with a full heap");
    report.add("oomRounds\t" + rounds + "\t" + same);
  }

  private static void fillHeap(List<Object> fill) {
    for (int size = 1 << 20; size >= 16; size >>= 2) {
      try {
        while (true) {
          fill.add(new byte[size]);
        }
      } catch (OutOfMemoryError full) {
        // Next, smaller pieces into what is left.
      }
    }
    try {
      while (true) {
        fill.add(new Object());
      }
    } catch (OutOfMemoryError full) {
      // Full.
    }
  }

  /** Captured values and a throwable whose toString/hashCode/equals/getMessage throw. */
  private static void hostile(List<String> report) {
    for (int i = 0; i < 3; i++) {
      try {
        Risky.withHostileLocals(new Hostile("local " + i), i);
      } catch (Hostile.HostileException e) {
        Rdb.postMortem(e);
        System.out.println("caught hostile exception " + i);
      }
    }
    System.out.println("forbidden calls made by the program: 0");
    report.add("forbiddenCalls\t" + Hostile.FORBIDDEN_CALLS.get());
  }

  /** Deep recursion through instrumented code until the stack overflows; then a normal capture. */
  private static void recursion(List<String> report) {
    try {
      Risky.descend(0, new int[] {0});
      System.out.println("no overflow?");
    } catch (StackOverflowError expected) {
      System.out.println("caught StackOverflowError");
    }
    try {
      Risky.divide(7, 0);
    } catch (ArithmeticException e) {
      Rdb.postMortem(e);
      System.out.println("caught ArithmeticException after the overflow");
    }
  }

  /** An instrumented class whose static initializer throws; then the class is unusable. */
  private static void classInitialization() {
    for (int i = 0; i < 2; i++) {
      try {
        System.out.println("value " + BrokenInit.VALUE);
      } catch (Throwable t) {
        System.out.println("attempt " + i + ": " + t.getClass().getName()
            + (t.getCause() != null ? " caused by " + t.getCause().getClass().getName() : ""));
      }
    }
  }

  /**
   * Two threads throw through instrumented code while holding a monitor (synchronized method and
   * block) that the other wants, while a third reads the post-mortems: no deadlock, monitors
   * released, every iteration done.
   */
  private static void monitor(List<String> report) throws Exception {
    Object lock = new Object();
    int iterations = 2_000;
    CountDownLatch done = new CountDownLatch(2);
    int[] failures = new int[2];
    for (int t = 0; t < 2; t++) {
      int id = t;
      Thread worker = new Thread(() -> {
        for (int i = 0; i < iterations; i++) {
          try {
            if (i % 2 == 0) {
              Risky.throwHoldingMonitor(lock, i);
            } else {
              Risky.throwInSynchronizedMethod(i);
            }
          } catch (IllegalStateException expected) {
            if (Thread.holdsLock(lock) || Thread.holdsLock(Risky.class)) {
              failures[id]++;
            }
          }
        }
        done.countDown();
      }, "monitor-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    Thread reader = new Thread(() -> {
      while (done.getCount() > 0) {
        synchronized (lock) {
          Rdb.postMortems().size();
        }
      }
    }, "reader");
    reader.setDaemon(true);
    reader.start();
    boolean finished = done.await(60, TimeUnit.SECONDS);
    System.out.println("workers finished: " + finished + ", monitors still held after a throw: "
        + (failures[0] + failures[1]));
    report.add("monitorFinished\t" + finished);
  }

  @SuppressWarnings("unchecked")
  private static long captured(Map<String, Object> pm) {
    return ((List<Map<String, Object>>) pm.get("frames")).stream()
        .filter(f -> Boolean.TRUE.equals(f.get("captured"))).count();
  }
}
