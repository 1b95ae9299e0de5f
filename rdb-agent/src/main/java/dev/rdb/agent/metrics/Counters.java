package dev.rdb.agent.metrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The agent's counters, plus the first few errors behind them. Thread-safe, lock-free to bump. */
public final class Counters {

  private static final int KEPT_ERRORS = 8;

  private final Map<Counter, LongAdder> adders = new EnumMap<>(Counter.class);
  private final Map<Counter, LongSupplier> countedElsewhere = new ConcurrentHashMap<>();
  private final List<String> firstErrors = new CopyOnWriteArrayList<>();

  public Counters() {
    for (Counter c : Counter.values()) {
      adders.put(c, new LongAdder());
    }
  }

  public void add(Counter counter) {
    adders.get(counter).increment();
  }

  public void add(Counter counter, long n) {
    adders.get(counter).add(n);
  }

  /**
   * Counts {@code error} under {@code counter} and keeps a one-line description of the first few.
   * Never throws: callers are catch blocks, often of an {@link OutOfMemoryError}, where describing
   * the error can fail for the same reason — then the count alone is kept.
   */
  public void error(Counter counter, String where, Throwable error) {
    add(counter);
    try {
      if (firstErrors.size() < KEPT_ERRORS) {
        firstErrors.add(counter.key() + ": " + where + ": " + error);
      }
    } catch (Throwable describing) {
      // Counted above; a description is a luxury a full heap cannot afford.
    }
  }

  /**
   * Adds to {@code counter} what {@code elsewhere} counts: the bridge counts on hot paths the
   * agent's loader never sees (a storm's dropped exceptions), in its own adders.
   */
  public void include(Counter counter, LongSupplier elsewhere) {
    countedElsewhere.put(counter, elsewhere);
  }

  public long get(Counter counter) {
    LongSupplier elsewhere = countedElsewhere.get(counter);
    return adders.get(counter).sum() + (elsewhere == null ? 0 : elsewhere.getAsLong());
  }

  /** Every counter by name, in declaration order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> all = new LinkedHashMap<>();
    for (Counter c : Counter.values()) {
      all.put(c.key(), get(c));
    }
    return all;
  }

  /** One line for each of the first errors counted. */
  public List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }
}
