package dev.rdb.agent.serve;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A socket's output stream that knows how long its current write has been blocked. Java sockets
 * have no write timeout: a peer that stops reading fills its window and the write waits forever.
 * The listener's watchdog reads {@link #blockedNanos} and closes the socket of a stalled write,
 * which makes the write fail and frees the connection's threads.
 */
final class WatchedOutputStream extends OutputStream {

  private final OutputStream out;
  /** {@link System#nanoTime()} when the current write began (low bit forced on); 0 when idle. */
  private volatile long writingSince;

  WatchedOutputStream(OutputStream out) {
    this.out = out;
  }

  /** How long the write in progress has waited, or 0 when none is in progress. */
  long blockedNanos(long now) {
    long since = writingSince;
    return since == 0 ? 0 : now - since;
  }

  boolean writing() {
    return writingSince != 0;
  }

  @Override
  public void write(int b) throws IOException {
    begin();
    try {
      out.write(b);
    } finally {
      writingSince = 0;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    begin();
    try {
      out.write(b, off, len);
    } finally {
      writingSince = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    begin();
    try {
      out.flush();
    } finally {
      writingSince = 0;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void begin() {
    writingSince = System.nanoTime() | 1;
  }
}
