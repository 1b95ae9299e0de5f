package dev.rdb.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Reads wait while the gate is shut: the peer reading through it "stops reading". */
final class GatedInputStream extends InputStream {
  private final InputStream in;
  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

  GatedInputStream(InputStream in) {
    this.in = in;
  }

  void shut() {
    gate.set(new CountDownLatch(1));
  }

  void open() {
    gate.get().countDown();
  }

  private void pass() throws IOException {
    try {
      if (!gate.get().await(60, TimeUnit.SECONDS)) {
        throw new IOException("gate stayed shut for 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public int read() throws IOException {
    pass();
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    pass();
    return in.read(b, off, len);
  }
}
