package dev.rdb.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The decoder on bytes an attacker chose: it returns a marshallable value or refuses with an
 * {@link IOException}; nothing else escapes (no other exception, no huge allocation). Seeds in
 * {@code src/test/resources/dev/rdb/core/FrameDecoderFuzzTestInputs} run in every build.
 */
class FrameDecoderFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void decoderReturnsAMarshallableValueOrRefuses(byte[] frame) {
    try {
      Object value = FrameCodec.decode(frame, frame.length);
      Marshallables.copy(value);
    } catch (IOException refused) {
      // Refusing is the expected answer to most random input.
    }
  }

  @FuzzTest(maxDuration = "3m")
  void streamChannelReadsFramesOrRefuses(byte[] stream) {
    StreamChannel channel = new StreamChannel(new ByteArrayInputStream(stream),
        new ByteArrayOutputStream(), 4096);
    try {
      for (int i = 0; i < 1000; i++) {
        channel.receive();
      }
    } catch (IOException refusedOrEnded) {
      // End of input or a refused frame: both are fine.
    }
  }
}
