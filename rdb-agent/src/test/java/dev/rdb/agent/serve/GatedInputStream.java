package dev.rdb.agent.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads wait while the gate is shut: a client reading through it "stops reading". */
public final class GatedInputStream extends FilterInputStream {
  private volatile CountDownLatch gate = new CountDownLatch(0);

  public GatedInputStream(InputStream in) {
    super(in);
  }

  public void shut() {
    gate = new CountDownLatch(1);
  }

  public void open() {
    gate.countDown();
  }

  private void pass() throws IOException {
    try {
      if (!gate.await(90, TimeUnit.SECONDS)) {
        throw new IOException("gate stayed shut for 90 s");
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
