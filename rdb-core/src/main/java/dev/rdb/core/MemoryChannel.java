package dev.rdb.core;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of an in-memory channel pair, for tests and for running both ends in one JVM.
 *
 * <p>Each direction is a bounded queue of messages (default {@value #DEFAULT_CAPACITY}). Every
 * message is checked and deep-copied on {@link #send}, so a test catches a value that a
 * {@link StreamChannel} could not carry, and neither end ever shares a mutable list with the other.
 *
 * <p>Close semantics, for either end closing first:
 * <ul>
 *   <li>after {@code a.close()}, {@code a.send} and {@code a.receive} throw {@link IOException}
 *       ("closed at this end"), and a thread blocked in either wakes and throws the same;
 *       messages queued towards {@code a} are dropped;
 *   <li>the peer {@code b} still receives every message {@code a} sent before closing, then
 *       {@code b.receive} throws {@link EOFException} ("peer closed"); {@code b.send} throws
 *       {@link IOException} ("peer closed") at once, and so does a send blocked on a full queue.
 * </ul>
 */
public final class MemoryChannel implements Channel {
  /** Messages one direction holds before {@link #send} blocks. */
  public static final int DEFAULT_CAPACITY = 1024;

  /** The two ends of a pair; the names only say which end a test hands to which side. */
  public record Pair(MemoryChannel client, MemoryChannel server) {}

  private static final Object NULL_MESSAGE = new Object();

  /** Shared by both ends, so closing one wakes waiters on the other. */
  private final ReentrantLock lock;
  /** Signalled on every enqueue, dequeue and close; waiters re-check their condition. */
  private final Condition changed;
  private final ArrayDeque<Object> inbox = new ArrayDeque<>();
  private final int capacity;
  private MemoryChannel peer;
  /** Guarded by lock. */
  private boolean closed;

  private MemoryChannel(ReentrantLock lock, Condition changed, int capacity) {
    this.lock = lock;
    this.changed = changed;
    this.capacity = capacity;
  }

  /** A connected pair with the default capacity. */
  public static Pair pair() {
    return pair(DEFAULT_CAPACITY);
  }

  /** A connected pair whose directions each hold at most {@code capacity} messages. */
  public static Pair pair(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    ReentrantLock lock = new ReentrantLock();
    Condition changed = lock.newCondition();
    MemoryChannel a = new MemoryChannel(lock, changed, capacity);
    MemoryChannel b = new MemoryChannel(lock, changed, capacity);
    a.peer = b;
    b.peer = a;
    return new Pair(a, b);
  }

  @Override
  public void send(Object message) throws IOException {
    Object copy = Marshallables.copy(message);
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IOException("channel closed at this end");
        }
        if (peer.closed) {
          throw new IOException("peer closed the channel");
        }
        if (peer.inbox.size() < capacity) {
          break;
        }
        changed.awaitUninterruptibly();
      }
      peer.inbox.addLast(copy == null ? NULL_MESSAGE : copy);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Object receive() throws IOException {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IOException("channel closed at this end");
        }
        Object message = inbox.pollFirst();
        if (message != null) {
          changed.signalAll();
          return message == NULL_MESSAGE ? null : message;
        }
        if (peer.closed) {
          throw new EOFException("peer closed the channel");
        }
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      inbox.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
