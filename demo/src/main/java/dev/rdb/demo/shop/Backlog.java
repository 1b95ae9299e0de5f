package dev.rdb.demo.shop;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Counts orders handed to workers and not yet finished, processed or failed. Thread-safe. */
final class Backlog {

  private int open;

  synchronized void opened() {
    open++;
  }

  synchronized void closed() {
    open--;
    notifyAll();
  }

  /** Waits until every opened order is closed; false if that takes longer than {@code timeout}. */
  synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
