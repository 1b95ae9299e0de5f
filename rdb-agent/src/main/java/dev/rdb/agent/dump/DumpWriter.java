package dev.rdb.agent.dump;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@code dump=DIR}: writes each post-mortem the store keeps to {@code DIR}, as JSON and text.
 *
 * <p>Threads: the promoting (application) thread only offers the post-mortem to a bounded queue and
 * waits at most {@link #OFFER_WAIT} when it is full; the daemon thread {@code rdb-dump} reads the
 * objects and writes the files. At JVM exit a shutdown hook ({@code rdb-dump-exit}) writes every
 * post-mortem still kept and not yet written, within {@link #EXIT_TIME}. A post-mortem renamed after
 * it was written (a failing test kept by {@code capture=all} first) is written again under its
 * first file name.
 *
 * <p>A dump that cannot be written never reaches the application: it is counted in
 * {@code dumpFailed}, and the first failure prints one line on stderr.
 */
public final class DumpWriter {

  static final Duration OFFER_WAIT = Duration.ofMillis(50);
  static final Duration EXIT_TIME = Duration.ofSeconds(10);
  private static final int QUEUE = 256;
  private static final int REMEMBERED = 10_000;

  private final DumpFiles files;
  private final DumpLimits limits;
  private final Redaction redaction;
  private final Counters counters;
  private final Supplier<List<PostMortemView>> kept;
  private final String mainClass;
  private final BlockingQueue<PostMortemView> queue = new ArrayBlockingQueue<>(QUEUE);
  /** Serialises writing between {@code rdb-dump} and the exit hook. */
  private final ReentrantLock writing = new ReentrantLock();
  /** What was written for a post-mortem id; guarded by {@link #writing}. */
  private final Map<Integer, Written> written = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Written> eldest) {
      return size() > REMEMBERED;
    }
  };
  private final AtomicBoolean failureReported = new AtomicBoolean();

  /** A post-mortem's files ({@code file}.json and .txt) and the name they were written under. */
  private record Written(String file, String name) {}

  DumpWriter(Path dir, DumpLimits limits, Redaction redaction, Counters counters,
      Supplier<List<PostMortemView>> kept, String mainClass) {
    this.files = new DumpFiles(dir);
    this.limits = limits;
    this.redaction = redaction;
    this.counters = counters;
    this.kept = kept;
    this.mainClass = mainClass;
  }

  /**
   * Creates {@code dir} and starts the {@code rdb-dump} thread and the exit hook.
   *
   * @param kept the post-mortems the store keeps, read at exit
   * @param mainClass for the dump's {@code jvm} facts; may be null
   */
  public static DumpWriter start(Path dir, DumpLimits limits, Redaction redaction, Counters counters,
      Supplier<List<PostMortemView>> kept, String mainClass) {
    DumpWriter writer = new DumpWriter(dir, limits, redaction, counters, kept, mainClass);
    try {
      Files.createDirectories(dir);
    } catch (Exception e) {
      writer.failed("create " + dir, e);
    }
    Thread worker = new Thread(writer::run, "rdb-dump");
    worker.setDaemon(true);
    worker.start();
    Thread atExit = new Thread(writer::writeRemaining, "rdb-dump-exit");
    atExit.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(atExit);
    return writer;
  }

  /** Called on the promoting thread: hands {@code pm} to {@code rdb-dump}, waiting a bounded time. */
  public void promoted(PostMortemView pm) {
    try {
      if (!queue.offer(pm, OFFER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        // Still kept by the store: the exit hook writes it if nothing else does.
        counters.add(Counter.DUMPS_DEFERRED);
      }
    } catch (InterruptedException e) {
      counters.add(Counter.DUMPS_DEFERRED);
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (true) {
      try {
        PostMortemView pm = queue.poll(1, TimeUnit.HOURS);
        if (pm != null) {
          writing.lock();
          try {
            write(pm);
          } finally {
            writing.unlock();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        failed("dump thread", t);
      }
    }
  }

  /** The exit hook: everything kept and not written yet, within {@link #EXIT_TIME}. */
  void writeRemaining() {
    long deadline = System.nanoTime() + EXIT_TIME.toNanos();
    try {
      if (!writing.tryLock(EXIT_TIME.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
      try {
        queue.clear();
        for (PostMortemView pm : kept.get()) {
          if (System.nanoTime() > deadline) {
            return;
          }
          write(pm);
        }
      } finally {
        writing.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failed("at exit", t);
    }
  }

  /**
   * Writes {@code pm} unless it was written under the same name already. Caller holds
   * {@link #writing}; package-private for tests, which call it on their own thread.
   */
  void write(PostMortemView pm) {
    Written before = written.get(pm.id());
    if (before != null && before.name().equals(pm.name())) {
      return;
    }
    try {
      DumpJson.Header header = header();
      Snapshot snapshot = new GraphWalker(limits, redaction, counters).walk(List.of(pm), header);
      String file = before != null ? before.file() : files.freshName(pm.time(), pm.exceptionType(), pm.id());
      files.write(file, DumpText.render(snapshot), out -> DumpJson.write(snapshot, header, out));
      written.put(pm.id(), new Written(file, pm.name()));
      counters.add(Counter.DUMPS_WRITTEN);
    } catch (Throwable t) {
      failed("post-mortem #" + pm.id(), t);
    }
  }

  /** Writes {@code pm} now on the calling thread (tests, and callers that hold no lock). */
  void writeNow(PostMortemView pm) {
    writing.lock();
    try {
      write(pm);
    } finally {
      writing.unlock();
    }
  }

  private DumpJson.Header header() {
    return new DumpJson.Header(Instant.now().toString(), System.getProperty("java.version"),
        System.getProperty("java.vendor"), ProcessHandle.current().pid(), mainClass);
  }

  private void failed(String what, Throwable t) {
    counters.error(Counter.DUMP_FAILED, "dump " + what, t);
    if (failureReported.compareAndSet(false, true)) {
      System.err.println("rdb: cannot write dump to " + files.dir() + ": " + what + ": " + t
          + " (the application is unaffected; later failures are only counted in dumpFailed)");
    }
  }
}
