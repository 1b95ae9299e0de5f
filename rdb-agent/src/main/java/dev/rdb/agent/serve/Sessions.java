package dev.rdb.agent.serve;

import dev.rdb.core.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The open sessions, with what {@code wait=} needs to know: how many clients are attached, how many
 * have detached, and how many post-mortems existed when the last one detached (so an exiting JVM
 * knows whether a debugger has seen its newest post-mortems).
 */
final class Sessions {

  private final Set<Session> open = ConcurrentHashMap.newKeySet();
  private final LongSupplier postMortems;
  /** Guarded by this. */
  private int attached;
  private long detaches;
  private long postMortemsAtLastDetach;

  /** @param postMortems how many post-mortems were promoted so far */
  Sessions(LongSupplier postMortems) {
    this.postMortems = postMortems;
  }

  /** Registers {@code s} unless {@code max} sessions are open already. */
  synchronized boolean tryAdd(Session s, int max) {
    if (open.size() >= max) {
      return false;
    }
    open.add(s);
    return true;
  }

  synchronized void attached(Session s) {
    attached++;
  }

  void closed(Session s, boolean wasAttached) {
    synchronized (this) {
      open.remove(s);
      if (wasAttached) {
        attached--;
        detaches++;
        postMortemsAtLastDetach = postMortems.getAsLong();
      }
      notifyAll();
    }
  }

  List<Session> snapshot() {
    return List.copyOf(open);
  }

  /** {@code clientsConnected} (attached) and {@code exportedObjects} (over all sessions). */
  Map<String, Long> gauges() {
    long exported = 0;
    for (Session s : open) {
      Connection c = s.connection();
      if (c != null && c.isOpen()) {
        exported += c.stats().exportedObjects();
      }
    }
    Map<String, Long> g = new LinkedHashMap<>();
    synchronized (this) {
      g.put("clientsConnected", (long) attached);
    }
    g.put("exportedObjects", exported);
    return g;
  }

  /** Whether a debugger is attached, or post-mortems arrived since the last one detached. */
  synchronized boolean debuggerWanted() {
    return attached > 0 || postMortems.getAsLong() > postMortemsAtLastDetach;
  }

  synchronized long detaches() {
    return detaches;
  }

  /**
   * Waits until a client that attached has detached after {@code detachesBefore} and none is
   * attached any more, or until {@code deadlineNanos}; returns whether a debugger came and went.
   */
  synchronized boolean awaitDetach(long detachesBefore, long deadlineNanos)
      throws InterruptedException {
    while (!(attached == 0 && detaches > detachesBefore)) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
