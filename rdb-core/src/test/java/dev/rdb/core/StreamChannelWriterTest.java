package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StreamChannel}'s outbound queue and writer thread, over a loopback socket. */
class StreamChannelWriterTest {

  private LoopbackPair sockets;
  private Socket sending;
  private Socket receiving;

  @BeforeEach
  void connect() throws Exception {
    sockets = LoopbackPair.open();
    sending = sockets.writer();
    receiving = sockets.reader();
  }

  @AfterEach
  void close() throws IOException {
    sockets.close();
  }

  @Test
  void concurrentSendersKeepEachSendersOrder() throws Exception {
    StreamChannel out = StreamChannel.over(sending);
    StreamChannel in = StreamChannel.over(receiving);
    SendersOrder.assertKept(out, in, 300);
    out.close();
    in.close();
  }

  @Test
  void sendPastTheQueueBoundClosesTheChannelAndEveryLaterUseSaysWhy() throws Exception {
    StreamChannel out = new StreamChannel(sending.getInputStream(), sending.getOutputStream(),
        StreamChannel.DEFAULT_MAX_FRAME_BYTES, 64 * 1024, "bounded");
    byte[] chunk = new byte[8 * 1024];
    IOException full = null;
    for (int i = 0; i < 10_000 && full == null; i++) {
      try {
        out.send(chunk);
      } catch (IOException e) {
        full = e;
      }
    }
    assertThat(full).as("the peer never reads: some send must pass the bound")
        .isInstanceOf(StreamChannel.QueueFullException.class);
    // 8,199 bytes: a 4-byte frame length, a 3-byte bin 16 header, then the bytes.
    assertThat(full.getMessage()).containsPattern("the peer is not reading: \\d+ bytes are queued "
        + "for it and 8199 more would pass the limit of 65536 bytes");
    assertThatThrownBy(() -> out.send("later")).as("a later send")
        .isInstanceOf(IOException.class).hasMessage(full.getMessage());
    assertThatThrownBy(out::receive).as("a later receive")
        .isInstanceOf(IOException.class).hasMessage(full.getMessage());
  }

  @Test
  void aFrameAloneIsAcceptedWhateverTheQueueBound() throws Exception {
    StreamChannel out = new StreamChannel(sending.getInputStream(), sending.getOutputStream(),
        StreamChannel.DEFAULT_MAX_FRAME_BYTES, 1024, "tiny-bound");
    StreamChannel in = StreamChannel.over(receiving);
    byte[] big = new byte[256 * 1024];
    out.send(big);
    assertThat((byte[]) in.receive()).hasSize(big.length);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (out.queuedBytes() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    assertThat(out.queuedBytes()).as("the writer finished the big frame").isZero();
    out.send("after");
    assertThat(in.receive()).isEqualTo("after");
    out.close();
    in.close();
  }

  @Test
  void writerThreadIsNamedAndEndsWithTheChannel() throws Exception {
    StreamChannel out = new StreamChannel(sending.getInputStream(), sending.getOutputStream(),
        StreamChannel.DEFAULT_MAX_FRAME_BYTES, StreamChannel.DEFAULT_MAX_QUEUED_BYTES, "named");
    StreamChannel in = StreamChannel.over(receiving);
    out.send("hello");
    assertThat(in.receive()).isEqualTo("hello");
    Thread writer = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("rdb-writer-named")).findFirst().orElseThrow();
    assertThat(writer.isDaemon()).as("a daemon").isTrue();
    out.close();
    writer.join(10_000);
    assertThat(writer.isAlive()).as("the writer ends when the channel closes").isFalse();
    in.close();
  }
}
