package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
  private StreamChannel out;
  private StreamChannel in;

  @BeforeEach
  void connect() throws Exception {
    sockets = LoopbackPair.openChannels();
    sending = sockets.writer();
    receiving = sockets.reader();
  }

  @AfterEach
  void close() throws IOException {
    for (StreamChannel c : new StreamChannel[] {out, in}) {
      if (c != null) {
        c.close();
      }
    }
    sockets.close();
    senders.shutdownNow();
  }

  private static StreamChannel channel(Socket socket, long maxQueuedBytes, String name)
      throws IOException {
    return StreamChannel.over(socket, StreamChannel.DEFAULT_MAX_FRAME_BYTES, maxQueuedBytes, name,
        UnaryOperator.identity());
  }

  /** {@code out} sends, with its writer named {@code name}; {@code in} receives. */
  private void open(String name, long maxQueuedBytes) throws IOException {
    out = channel(sending, maxQueuedBytes, name);
    in = StreamChannel.over(receiving);
  }

  private static boolean threadRuns(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
  }

  @Test
  void aPeerThatKeepsUpIsWrittenToByTheSenderWithoutAWriterThread() throws Exception {
    open("direct", StreamChannel.DEFAULT_MAX_QUEUED_BYTES);

    for (long i = 0; i < 200; i++) {
      out.send(List.of(i, "m".repeat((int) i)));
      assertThat(in.receive()).isEqualTo(List.of(i, "m".repeat((int) i)));
    }

    assertThat(out.queuedBytes()).isZero();
    assertThat(threadRuns("rdb-writer-direct")).as("a writer thread was started").isFalse();
  }

  @Test
  void whatTheSocketDoesNotTakeAtOnceIsWrittenByTheWriterInOrder() throws Exception {
    open("rest", StreamChannel.DEFAULT_MAX_QUEUED_BYTES);
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
  }

  @Test
  void concurrentSendersKeepEachSendersOrderWhetherTheyWriteOrQueue() throws Exception {
    open("concurrent", StreamChannel.DEFAULT_MAX_QUEUED_BYTES);

    SendersOrder.assertKept(out, in, 3000);
  }

  @Test
  void aPeerThatStopsReadingNeverBlocksTheSenderAndIsCutAtTheQueueBound() throws Exception {
    open("stalled", 256 * 1024);
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
    open("closed-under", StreamChannel.DEFAULT_MAX_QUEUED_BYTES);
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
  }

  @Test
  void closingTheChannelEndsAWaitingReceive() throws Exception {
    in = channel(receiving, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "closing");
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
    in = channel(receiving, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "timeout");
    receiving.setSoTimeout(200);

    assertThatThrownBy(in::receive).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aSendToAPeerThatIsGoneFailsAndClosesTheChannel() throws Exception {
    out = channel(sending, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "gone");
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
