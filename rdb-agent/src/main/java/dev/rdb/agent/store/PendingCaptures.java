package dev.rdb.agent.store;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Captures of throwables still unwinding, or caught and not (yet) promoted: keyed by the throwable's
 * identity (never its {@code equals}, which is application code), held weakly, so a throwable caught
 * and dropped takes its captures with it. Bounded by count and by age besides, because a captured
 * value may itself hold the throwable (a field, a local in an outer frame) and keep it alive.
 */
final class PendingCaptures {

  private final Map<Object, Unwinding> byThrowable = new ConcurrentHashMap<>();
  /** Keys in arrival order; may hold keys already gone from the map, tidied when it grows. */
  private final ConcurrentLinkedQueue<IdentityKey> arrival = new ConcurrentLinkedQueue<>();
  /** Roughly the arrival queue's length (its own size() walks it). */
  private final AtomicInteger arrivals = new AtomicInteger();
  private final ReferenceQueue<Throwable> collected = new ReferenceQueue<>();
  private final int maxCount;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Counters counters;

  PendingCaptures(int maxCount, long maxAgeNanos, LongSupplier nanoTime, Counters counters) {
    this.maxCount = maxCount;
    this.maxAgeNanos = maxAgeNanos;
    this.nanoTime = nanoTime;
    this.counters = counters;
  }

  /** The captures of {@code thrown}, or null. */
  Unwinding get(Throwable thrown) {
    return byThrowable.get(new IdentityKey.Probe(thrown));
  }

  /** Starts recording {@code thrown}; evicts collected, old and excess entries first. */
  Unwinding start(Throwable thrown) {
    expunge();
    long now = nanoTime.getAsLong();
    Unwinding fresh = new Unwinding(now);
    IdentityKey key = new IdentityKey(thrown, collected);
    Unwinding existing = byThrowable.putIfAbsent(key, fresh);
    if (existing != null) {
      return existing;
    }
    arrival.add(key);
    if (arrivals.incrementAndGet() > 4L * maxCount) {
      // Keys taken or collected stay in the arrival queue until they reach its head; sweep them
      // now and then, so that removing one never walks the queue.
      arrival.removeIf(k -> !byThrowable.containsKey(k));
      arrivals.set(arrival.size());
    }
    IdentityKey oldest;
    while ((oldest = arrival.peek()) != null) {
      Unwinding u = byThrowable.get(oldest);
      boolean tooMany = byThrowable.size() > maxCount;
      boolean tooOld = u != null && now - u.startedNanos > maxAgeNanos;
      if (u != null && !tooMany && !tooOld) {
        break;
      }
      if (arrival.remove(oldest)) {
        arrivals.decrementAndGet();
      }
      if (u != null && byThrowable.remove(oldest) != null) {
        counters.add(Counter.STORE_EVICTED);
      }
    }
    return fresh;
  }

  /** Removes and returns the captures of {@code thrown}, or null. */
  Unwinding take(Throwable thrown) {
    return byThrowable.remove(new IdentityKey.Probe(thrown));
  }

  int arrivalBacklog() {
    return arrivals.get();
  }

  int size() {
    expunge();
    return byThrowable.size();
  }

  private void expunge() {
    Reference<? extends Throwable> ref;
    while ((ref = collected.poll()) != null) {
      byThrowable.remove(ref);
    }
  }
}
