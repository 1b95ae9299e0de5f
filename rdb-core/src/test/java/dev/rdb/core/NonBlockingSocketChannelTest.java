package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamChannel} over sockets of {@code java.nio} channels (as the agent and the CLI open
 * them): a send writes what the socket takes itself, the writer thread writes only what is left,
 * and nothing ever waits for the peer but that thread.
 */
class NonBlockingSocketChannelTest {

  private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-sender");
    t.setDaemon(true);
    return t;
  });
  private LoopbackPair sockets;
  private Socket sending;
  private Socket receiving;

  @BeforeEach
  void connect() throws Exception {
    sockets = LoopbackPair.openChannels();
    sending = sockets.writer();
    receiving = sockets.reader();
  }

  @AfterEach
  void close() throws IOException {
    sockets.close();
    senders.shutdownNow();
  }

  private StreamChannel channel(Socket socket, long maxQueuedBytes, String name)
      throws IOException {
    return StreamChannel.over(socket, StreamChannel.DEFAULT_MAX_FRAME_BYTES, maxQueuedBytes, name,
        UnaryOperator.identity());
  }

  private static boolean threadRuns(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
  }

  @Test
  void aPeerThatKeepsUpIsWrittenToByTheSenderWithoutAWriterThread() throws Exception {
    StreamChannel out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "direct");
    StreamChannel in = StreamChannel.over(receiving);

    for (long i = 0; i < 200; i++) {
      out.send(List.of(i, "m".repeat((int) i)));
      assertThat(in.receive()).isEqualTo(List.of(i, "m".repeat((int) i)));
    }

    assertThat(out.queuedBytes()).isZero();
    assertThat(threadRuns("rdb-writer-direct")).as("a writer thread was started").isFalse();
    out.close();
    in.close();
  }

  @Test
  void whatTheSocketDoesNotTakeAtOnceIsWrittenByTheWriterInOrder() throws Exception {
    StreamChannel out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "rest");
    StreamChannel in = StreamChannel.over(receiving);
    byte[] big = new byte[1024 * 1024];
    big[big.length - 1] = 7;

    Future<?> sent = senders.submit(() -> {
      out.send(big);
      for (long i = 0; i < 100; i++) {
        out.send(i);
      }
      return null;
    });
    sent.get(10, TimeUnit.SECONDS);
    assertThat(out.queuedBytes()).as("bytes the peer has not taken yet").isPositive();
    assertThat(threadRuns("rdb-writer-rest")).as("the writer thread writes the rest").isTrue();

    assertThat((byte[]) in.receive()).isEqualTo(big);
    for (long i = 0; i < 100; i++) {
      assertThat(in.receive()).isEqualTo(i);
    }
    out.close();
    in.close();
  }

  @Test
  void concurrentSendersKeepEachSendersOrder() throws Exception {
    StreamChannel out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "concurrent");
    StreamChannel in = StreamChannel.over(receiving);
    int count = 8;
    int each = 2000;
    List<Future<?>> sends = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      long sender = s;
      sends.add(senders.submit(() -> {
        for (long i = 0; i < each; i++) {
          out.send(List.of(sender, i, "m".repeat((int) (i % 3000))));
        }
        return null;
      }));
    }
    long[] next = new long[count];
    for (int n = 0; n < count * each; n++) {
      List<?> m = (List<?>) in.receive();
      int sender = (int) (long) (Long) m.get(0);
      assertThat((Long) m.get(1)).as("message of sender " + sender).isEqualTo(next[sender]);
      next[sender]++;
    }
    for (Future<?> f : sends) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertThat(next).as("every message of every sender, once").containsOnly(each);
    out.close();
    in.close();
  }

  @Test
  void aPeerThatStopsReadingNeverBlocksTheSenderAndIsCutAtTheQueueBound() throws Exception {
    StreamChannel out = channel(sending, 256 * 1024, "stalled");
    byte[] chunk = new byte[8 * 1024];

    Future<IOException> full = senders.submit(() -> {
      for (int i = 0; i < 10_000; i++) {
        try {
          out.send(chunk);
        } catch (IOException e) {
          return e;
        }
      }
      return null;
    });

    assertThat(full.get(10, TimeUnit.SECONDS)).as("the peer never reads: some send passes the bound")
        .isInstanceOf(StreamChannel.QueueFullException.class)
        .hasMessageContaining("the peer is not reading");
    assertThatThrownBy(() -> out.send("later")).isInstanceOf(IOException.class)
        .hasMessageContaining("the peer is not reading");
  }

  @Test
  void closingTheSocketItselfEndsAWaitingReceiveAndThePeerSeesTheEnd() throws Exception {
    StreamChannel out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "closed-under");
    StreamChannel in = StreamChannel.over(receiving);
    out.send("first");
    assertThat(in.receive()).isEqualTo("first");
    CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return out.receive();
      } catch (IOException e) {
        return e;
      }
    }, senders);

    // As the agent's watchdog does: the socket, not the channel.
    sending.close();

    assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the waiting receive")
        .isInstanceOf(IOException.class);
    out.close();
    assertThatThrownBy(in::receive).as("the peer").isInstanceOf(EOFException.class);
    in.close();
  }

  @Test
  void closingTheChannelEndsAWaitingReceive() throws Exception {
    StreamChannel in = channel(receiving, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "closing");
    CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return in.receive();
      } catch (IOException e) {
        return e;
      }
    }, senders);
    assertThat(waiting).as("nothing was sent").isNotDone();

    in.close();

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
  }

  @Test
  void theSocketsReadTimeoutHolds() throws Exception {
    StreamChannel in = channel(receiving, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "timeout");
    receiving.setSoTimeout(200);

    assertThatThrownBy(in::receive).isInstanceOf(SocketTimeoutException.class);
    in.close();
  }

  @Test
  void aSendToAPeerThatIsGoneFailsAndClosesTheChannel() throws Exception {
    StreamChannel out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "gone");
    receiving.setSoLinger(true, 0);
    receiving.close();

    ExecutionException failed = null;
    for (int i = 0; i < 100 && failed == null; i++) {
      try {
        senders.submit(() -> {
          out.send(new byte[1024]);
          return null;
        }).get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failed = e;
      }
    }
    assertThat(failed).as("a send after the reset").isNotNull();
    assertThat(failed.getCause()).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> out.send("later")).isInstanceOf(IOException.class);
  }
}
