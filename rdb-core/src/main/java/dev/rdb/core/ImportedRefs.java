package dev.rdb.core;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Handles on the peer's objects: one live {@link RemoteRef} per remote id (so {@code ==} works),
 * each counting how many times the peer sent that id. When a handle becomes unreachable, a
 * {@link Cleaner} queues (id, count); queued releases go out together in one RELEASE message a
 * few milliseconds later, or at once when {@value #MAX_BATCH} have gathered.
 */
final class ImportedRefs {
  static final int MAX_BATCH = 512;
  private static final long FLUSH_DELAY_MILLIS = 20;

  private static final Cleaner CLEANER = Cleaner.create(daemon("rdb-cleaner"));
  private static final ScheduledExecutorService FLUSHER =
      Executors.newSingleThreadScheduledExecutor(daemon("rdb-release"));

  /** Guarded by this. Entries may point at cleared handles until their cleaner runs. */
  private final Map<Long, WeakReference<RemoteRef>> handles = new HashMap<>();
  /** Guarded by this: flat (id, count) pairs waiting to be sent. */
  private List<Object> queued = new ArrayList<>();
  private boolean flushScheduled;
  private boolean closed;
  private final Consumer<List<Object>> sendRelease;

  ImportedRefs(Consumer<List<Object>> sendRelease) {
    this.sendRelease = sendRelease;
  }

  /** The handle for remote {@code id}, counting one more receipt of it. */
  RemoteRef handle(Connection connection, long id, long typeId, String typeName, int lengthHint,
      String className) {
    synchronized (this) {
      WeakReference<RemoteRef> weak = handles.get(id);
      RemoteRef existing = weak == null ? null : weak.get();
      if (existing != null) {
        existing.receipts().incrementAndGet();
        return existing;
      }
      RemoteRef ref = new RemoteRef(connection, id, typeId, typeName, lengthHint, className);
      WeakReference<RemoteRef> newWeak = new WeakReference<>(ref);
      handles.put(id, newWeak);
      CLEANER.register(ref, new Release(this, id, ref.receipts(), newWeak));
      return ref;
    }
  }

  synchronized int size() {
    return handles.size();
  }

  /** Stops releasing: the peer freed everything when the connection closed. */
  synchronized void close() {
    closed = true;
    handles.clear();
    queued.clear();
  }

  /** Runs on the cleaner thread, which is shared: it only queues, the flusher sends. */
  private void released(long id, long count, WeakReference<RemoteRef> weak) {
    synchronized (this) {
      if (handles.get(id) == weak) {
        handles.remove(id);
      }
      if (closed) {
        return;
      }
      queued.add(id);
      queued.add(count);
      if (queued.size() >= 2 * MAX_BATCH) {
        FLUSHER.execute(this::flush);
      } else if (!flushScheduled) {
        flushScheduled = true;
        FLUSHER.schedule(this::flush, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void flush() {
    List<Object> batch;
    synchronized (this) {
      flushScheduled = false;
      if (closed || queued.isEmpty()) {
        return;
      }
      batch = takeQueued();
    }
    sendRelease.accept(batch);
  }

  private List<Object> takeQueued() {
    List<Object> batch = queued;
    queued = new ArrayList<>();
    return batch;
  }

  /** Runs on the cleaner thread once a handle is unreachable; must not reference the handle. */
  private static final class Release implements Runnable {
    private final ImportedRefs owner;
    private final long id;
    private final AtomicLong receipts;
    private final WeakReference<RemoteRef> weak;

    Release(ImportedRefs owner, long id, AtomicLong receipts, WeakReference<RemoteRef> weak) {
      this.owner = owner;
      this.id = id;
      this.receipts = receipts;
      this.weak = weak;
    }

    @Override
    public void run() {
      owner.released(id, receipts.get(), weak);
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }
}
