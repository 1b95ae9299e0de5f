package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Closing never waits for a peer that stopped reading. */
class BoundedCloseTest {

  @Test
  void closeReturnsWhileAnotherThreadIsBlockedWritingToAPeerThatStoppedReading() throws Exception {
    try (LoopbackPair sockets = LoopbackPair.open()) {
      Socket clientSocket = sockets.writer();
      Socket serverSocket = sockets.reader();
      GatedInputStream gated = new GatedInputStream(serverSocket.getInputStream());
      CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> {
        try {
          return Connection.accept(new StreamChannel(gated, serverSocket.getOutputStream()),
              ConnectionOptions.builder().token(Session.TOKEN).root(new Object())
                  .name("never-reads").build());
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      WatchedStream out = new WatchedStream(clientSocket.getOutputStream());
      Connection client = Connection.connect(new StreamChannel(clientSocket.getInputStream(), out),
          ConnectionOptions.builder().token(Session.TOKEN).name("closing-client").build());
      server.get(10, TimeUnit.SECONDS);
      RemoteRef root = client.root();
      gated.shut();

      // Own threads: the common pool may have a single thread on a small machine.
      ExecutorService threads = Executors.newCachedThreadPool();
      Future<Object> stuck = threads.submit(
          () -> root.call("equals", "x".repeat(4 * 1024 * 1024)));
      awaitCondition("a write to the peer is blocked", () -> out.blockedMillis() > 200);

      Future<?> closing = threads.submit(() -> client.close());
      closing.get(10, TimeUnit.SECONDS);

      assertThat(client.isOpen()).isFalse();
      assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS))
          .as("the blocked write fails, saying this end closed")
          .hasCauseInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("connection closed by this end: closed by closing-client");
      gated.open();
      threads.shutdown();
    }
  }

  private static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what);
      }
      LockSupport.parkNanos(10_000_000);
    }
  }

  /** Knows how long the write in progress has lasted. */
  private static final class WatchedStream extends FilterOutputStream {
    private volatile long since;

    WatchedStream(OutputStream out) {
      super(out);
    }

    long blockedMillis() {
      long s = since;
      return s == 0 ? 0 : (System.nanoTime() - s) / 1_000_000;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      since = System.nanoTime() | 1;
      try {
        out.write(b, off, len);
      } finally {
        since = 0;
      }
    }
  }
}
