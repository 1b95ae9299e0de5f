package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, every channel: the in-memory pair, the stream channel on a real socket, and the
 * stream channel over a socket whose reads return one byte at a time.
 */
class ChannelContractTest {

  /** Two connected ends and whatever must be closed after the test. */
  record Ends(String name, Channel a, Channel b) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Ends> channels() throws IOException {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    return Stream.of(new Ends("memory pair", pair.client(), pair.server()),
        sockets("stream over TCP", false), sockets("stream over TCP, one byte per read", true));
  }

  private static Ends sockets(String name, boolean byteAtATime) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      Socket accepted = server.accept();
      Channel a = StreamChannel.over(client);
      InputStream in = byteAtATime ? new OneByteAtATime(accepted.getInputStream())
          : accepted.getInputStream();
      accepted.setTcpNoDelay(true);
      Channel b = new StreamChannel(in, accepted.getOutputStream());
      return new Ends(name, a, b);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void carriesEveryMarshallableValueUnchanged(Ends ends) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("n", null);
    map.put("nested", List.of(1L, List.of("x")));
    List<Object> message = new ArrayList<>(Arrays.asList(null, true, false, 0L, -1L,
        Long.MAX_VALUE, Long.MIN_VALUE, 1.5, Double.NaN, "", "héllo ☃", new byte[] {1, 2, 3},
        List.of(), map));
    ends.a().send(message);
    ends.a().send(null);
    Object received = ends.b().receive();
    assertThat((List<?>) received).hasSize(message.size());
    List<?> r = (List<?>) received;
    for (int i = 0; i < message.size(); i++) {
      if (message.get(i) instanceof byte[]) {
        assertThat((byte[]) r.get(i)).containsExactly((byte[]) message.get(i));
      } else {
        assertThat(r.get(i)).as("element " + i).isEqualTo(message.get(i));
      }
    }
    assertThat(ends.b().receive()).as("a null message").isNull();
    closeBoth(ends);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void keepsOrderAcrossManyMessages(Ends ends) throws IOException {
    for (long i = 0; i < 500; i++) {
      ends.a().send(List.of(i, "x".repeat((int) (i % 50))));
    }
    for (long i = 0; i < 500; i++) {
      assertThat(((List<?>) ends.b().receive()).get(0)).isEqualTo(i);
    }
    closeBoth(ends);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void refusesValuesThatAreNotMarshallable(Ends ends) {
    assertThatThrownBy(() -> ends.a().send(List.of(1L, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
    assertThatThrownBy(() -> ends.a().send(Map.of(1L, "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a String");
    closeBoth(ends);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void peerSeesEverySentMessageThenEndOfStream(Ends ends) throws IOException {
    ends.a().send("last words");
    ends.a().close();
    assertThat(ends.b().receive()).isEqualTo("last words");
    assertThatThrownBy(() -> ends.b().receive()).isInstanceOf(EOFException.class);
    ends.b().close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void closingAnEndFailsItsOwnSendAndReceive(Ends ends) {
    ends.a().close();
    ends.a().close();
    assertThatThrownBy(() -> ends.a().send("x")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ends.a().receive()).isInstanceOf(IOException.class);
    ends.b().close();
  }

  private static void closeBoth(Ends ends) {
    ends.a().close();
    ends.b().close();
  }

  /** Hands data over one byte per read, to shake out code that assumes full reads. */
  private static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(1, len));
    }
  }
}
