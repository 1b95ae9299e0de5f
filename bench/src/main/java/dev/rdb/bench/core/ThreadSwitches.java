package dev.rdb.bench.core;

import dev.rdb.core.RemoteRef;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many times each thread is switched out per remote field read (Linux only: the voluntary and
 * involuntary context switches of {@code /proc/self/task/*}), with the sockets opened one way.
 * Each switch is a thread going to sleep and being woken, the cost that dominates a round trip on
 * a VM; unlike the time per read, the count hardly depends on how busy or how slow the machine is.
 * One way per JVM: the second session in a JVM runs code the JIT compiled for the first.
 *
 * <p>Run: {@code java -cp … dev.rdb.bench.core.ThreadSwitches CHANNELS|JAVA_NET [READS]} (default
 * 20,000, after as many to warm up).
 */
public final class ThreadSwitches {
  private ThreadSwitches() {}

  public static void main(String[] args) throws Exception {
    LoopbackSession.Sockets sockets = LoopbackSession.Sockets.valueOf(args[0]);
    int reads = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    try (LoopbackSession session = new LoopbackSession(new FieldReadBench.Target(), sockets)) {
      RemoteRef target = session.client.root();
      for (int i = 0; i < reads; i++) {
        target.get("price");
      }
      Map<String, Long> before = switchesByThread();
      long start = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        target.get("price");
      }
      long nanos = System.nanoTime() - start;
      Map<String, Long> after = switchesByThread();
      long total = 0;
      StringBuilder threads = new StringBuilder();
      for (Map.Entry<String, Long> e : after.entrySet()) {
        long switches = e.getValue() - before.getOrDefault(e.getKey(), 0L);
        // Threads that slept through the run (JIT, GC, JMX) switch a few times at most.
        if (switches * 20 > reads) {
          total += switches;
          threads.append(String.format("  %-26s %.2f%n", e.getKey(), switches / (double) reads));
        }
      }
      System.out.printf("%s: %.1f µs per field read, %.2f thread switches per read%n%s",
          sockets, nanos / 1e3 / reads, total / (double) reads, threads);
    }
  }

  /** Context switches so far per thread name (names the kernel cut to 15 characters). */
  private static Map<String, Long> switchesByThread() throws IOException {
    Map<String, Long> byName = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String name;
        long switches = 0;
        try {
          name = Files.readString(task.resolve("comm")).strip();
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches")
                || line.startsWith("nonvoluntary_ctxt_switches")) {
              switches += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
          }
        } catch (IOException threadEnded) {
          continue;
        }
        byName.merge(name, switches, Long::sum);
      }
    }
    return byName;
  }
}
