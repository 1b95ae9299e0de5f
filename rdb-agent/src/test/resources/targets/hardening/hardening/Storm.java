package hardening;

import dev.rdb.agent.Rdb;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exception storm: worker threads call {@link Orders#submit}, which throws from one of three
 * sites, and catch every exception here (this class is left uninstrumented, so with {@code
 * capture=all} each exception leaves the outermost instrumented frame and is promoted unless its
 * site is over its rate). Every {@code sampleSeconds} the heap is measured after a full GC. At the
 * end a thread dies of an exception from a fourth site: that post-mortem must be kept.
 *
 * <p>Arguments: report, seconds, sampleSeconds, threads, and optionally work: rounds of arithmetic
 * each request does before it fails (default 0, a bare throw loop). Report lines: {@code sample SECOND
 * HEAP_AFTER_GC OPS}, {@code ops N}, {@code millis N}, {@code kept N}, {@code counter NAME N},
 * {@code final THREAD TYPE MESSAGE CAPTURED_FRAMES LOCALS}.
 */
public final class Storm {

  private Storm() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args[0]);
    long seconds = Long.parseLong(args[1]);
    long sampleSeconds = Long.parseLong(args[2]);
    int threads = Integer.parseInt(args[3]);
    int work = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    LongAdder ops = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      Thread w = new Thread(() -> work(seed, work, ops, stop), "storm-" + t);
      w.setDaemon(true);
      workers.add(w);
    }
    List<String> lines = new ArrayList<>();
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    long end = start + seconds * 1_000_000_000L;
    for (long s = sampleSeconds; ; s += sampleSeconds) {
      long due = start + s * 1_000_000_000L;
      while (System.nanoTime() < Math.min(due, end)) {
        Thread.sleep(Math.max(1, (Math.min(due, end) - System.nanoTime()) / 1_000_000));
      }
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      lines.add("sample\t" + (System.nanoTime() - start) / 1_000_000 + "\t" + heap + "\t" + ops.sum());
      if (System.nanoTime() >= end) {
        break;
      }
    }
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    lines.add("ops\t" + ops.sum());
    lines.add("millis\t" + millis);

    Thread crash = new Thread(() -> Orders.crash(42), "storm-end");
    crash.start();
    crash.join();

    List<Map<String, Object>> kept = Rdb.postMortems();
    lines.add("kept\t" + kept.size());
    for (Map.Entry<String, Long> c : Rdb.counters().entrySet()) {
      lines.add("counter\t" + c.getKey() + "\t" + c.getValue());
    }
    for (Map<String, Object> pm : kept) {
      if ("storm-end".equals(pm.get("thread"))) {
        lines.add("final\t" + pm.get("thread") + "\t" + pm.get("exceptionType") + "\t" + pm.get("message")
            + "\t" + capturedFrames(pm) + "\t" + crashLocals(pm));
      }
    }
    Files.write(report, lines, StandardCharsets.UTF_8);
  }

  private static void work(int seed, int work, LongAdder ops, AtomicBoolean stop) {
    long n = seed;
    while (!stop.get()) {
      for (int i = 0; i < 256; i++, n++) {
        try {
          Orders.submit(n, work);
        } catch (RuntimeException expected) {
          // The storm: every call throws, every exception is caught and dropped.
        }
      }
      ops.add(256);
    }
  }

  @SuppressWarnings("unchecked")
  private static long capturedFrames(Map<String, Object> pm) {
    return ((List<Map<String, Object>>) pm.get("frames")).stream()
        .filter(f -> Boolean.TRUE.equals(f.get("captured"))).count();
  }

  @SuppressWarnings("unchecked")
  private static String crashLocals(Map<String, Object> pm) {
    StringBuilder names = new StringBuilder();
    for (Map<String, Object> f : (List<Map<String, Object>>) pm.get("frames")) {
      if ("crash".equals(f.get("methodName"))) {
        for (Map<String, Object> l : (List<Map<String, Object>>) f.get("locals")) {
          names.append(names.length() == 0 ? "" : ",").append(l.get("name")).append('=').append(l.get("value"));
        }
      }
    }
    return names.toString();
  }
}
