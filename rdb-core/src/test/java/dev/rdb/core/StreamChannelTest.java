package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing and the decoder's distrust of lengths chosen by the peer. */
class StreamChannelTest {

  private static StreamChannel reading(int maxFrame, byte... bytes) {
    return new StreamChannel(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(),
        maxFrame);
  }

  @Test
  void frameLongerThanTheLimitIsRefusedBeforeAnythingIsAllocated() {
    StreamChannel channel = reading(1024, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff);
    assertThatThrownBy(channel::receive).isInstanceOf(IOException.class)
        .hasMessage("frame of 2147483647 bytes exceeds the limit of 1024 bytes");
  }

  @Test
  void claimedFrameLengthCostsNothingUntilItsBytesArrive() {
    int claimed = StreamChannel.DEFAULT_MAX_FRAME_BYTES - 1;
    byte[] bytes = new byte[4 + 1000];
    bytes[0] = (byte) (claimed >>> 24);
    bytes[1] = (byte) (claimed >>> 16);
    bytes[2] = (byte) (claimed >>> 8);
    bytes[3] = (byte) claimed;
    StreamChannel channel = reading(StreamChannel.DEFAULT_MAX_FRAME_BYTES, bytes);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    IOException thrown = null;
    long before = threads.getCurrentThreadAllocatedBytes();
    try {
      channel.receive();
    } catch (IOException e) {
      thrown = e;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(thrown).isInstanceOf(java.io.EOFException.class)
        .hasMessage("peer closed the stream 1000 bytes into a frame of " + claimed + " bytes");
    assertThat(allocated).as("bytes allocated for a 16 MiB claim backed by 1000 bytes")
        .isLessThan(1 << 20);
  }

  @Test
  void largeFrameArrivingInPiecesIsReadWhole() throws IOException {
    byte[] payload = new byte[300_000];
    new java.util.Random(3).nextBytes(payload);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    StreamChannel sender = new StreamChannel(new ByteArrayInputStream(new byte[0]), wire);
    sender.send(payload);
    sender.close();
    java.io.InputStream trickle = new java.io.FilterInputStream(
        new ByteArrayInputStream(wire.toByteArray())) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 777));
      }
    };
    Object received = new StreamChannel(trickle, new ByteArrayOutputStream()).receive();
    assertThat((byte[]) received).isEqualTo(payload);
  }

  @Test
  void arrayClaimingMoreElementsThanTheFrameHoldsIsRefused() {
    // frame of 5 bytes: array32 header claiming 2^31-1 elements
    StreamChannel channel = reading(1024, (byte) 0, (byte) 0, (byte) 0, (byte) 5, (byte) 0xdd,
        (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff);
    assertThatThrownBy(channel::receive).isInstanceOf(IOException.class)
        .hasMessageContaining("array of 2147483647 claimed with only 0 bytes left");
  }

  @Test
  void stringClaimingMoreBytesThanTheFrameHoldsIsRefused() {
    StreamChannel channel = reading(1024, (byte) 0, (byte) 0, (byte) 0, (byte) 5, (byte) 0xdb,
        (byte) 0x00, (byte) 0xff, (byte) 0xff, (byte) 0xff);
    assertThatThrownBy(channel::receive).isInstanceOf(IOException.class)
        .hasMessageContaining("string of 16777215 claimed");
  }

  @Test
  void trailingBytesAfterTheMessageAreRefused() {
    StreamChannel channel = reading(1024, (byte) 0, (byte) 0, (byte) 0, (byte) 2, (byte) 0xc0,
        (byte) 0xc0);
    assertThatThrownBy(channel::receive).isInstanceOf(IOException.class)
        .hasMessageContaining("1 trailing bytes");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    int depth = FrameCodec.MAX_DEPTH + 5;
    byte[] bytes = new byte[4 + depth + 1];
    bytes[3] = (byte) (depth + 1);
    for (int i = 0; i < depth; i++) {
      bytes[4 + i] = (byte) 0x91;
    }
    bytes[4 + depth] = (byte) 0xc0;
    assertThatThrownBy(reading(1024, bytes)::receive).isInstanceOf(IOException.class)
        .hasMessageContaining("nested deeper than");
  }

  @Test
  void sendingAMessageLargerThanTheLimitFailsWithoutWritingIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamChannel channel = new StreamChannel(new ByteArrayInputStream(new byte[0]), out, 64);
    assertThatThrownBy(() -> channel.send("x".repeat(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the frame limit of 64 bytes");
    assertThat(out.size()).isZero();
  }

  @Test
  void framesAreALengthPrefixFollowedByMessagePack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamChannel channel = new StreamChannel(new ByteArrayInputStream(new byte[0]), out);
    channel.send(List.of(1L, "a"));
    channel.close();
    assertThat(out.toByteArray()).as("written by the writer thread, before close returns")
        .containsExactly(0, 0, 0, 4, 0x92, 0x01, 0xa1, 'a');
  }
}
