package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.core.Fixtures.Debuggee;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A whole session over real loopback TCP sockets. */
class LoopbackTcpTest {

  /** Exports a string too large for a small frame limit. */
  static final class Big {
    final String text = "x".repeat(100_000);
  }

  @Test
  void aReplyTooLargeForTheFrameLimitFailsThatCallOnly() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> {
        try {
          return Connection.accept(StreamChannel.over(listener.accept(), 65536),
              ConnectionOptions.builder().token(Session.TOKEN).root(new Big()).build());
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      Connection client = Connection.connect(StreamChannel.over(
          new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 65536),
          ConnectionOptions.builder().token(Session.TOKEN).build());
      server.get(10, TimeUnit.SECONDS);
      RemoteRef root = client.root();
      assertThatThrownBy(() -> root.get("text")).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("exceeds the frame limit of 65536 bytes");
      assertThat(root.toStringBounded(10)).startsWith(Big.class.getName().substring(0, 10));
      assertThatThrownBy(() -> root.call("equals", "y".repeat(100_000)))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("cannot send");
      assertThat(client.isOpen()).isTrue();
      client.close();
    }
  }

  @Test
  void sessionOverLoopbackTcp() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ConnectionOptions serverOptions = ConnectionOptions.builder().token(Session.TOKEN)
          .root(new Debuggee()).policy(Fixtures.readOnlyDebuggee()).name("tcp-server").build();
      CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> {
        try {
          return Connection.accept(StreamChannel.over(listener.accept()), serverOptions);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      Connection client = Connection.connect(StreamChannel.over(socket),
          ConnectionOptions.builder().token(Session.TOKEN).name("tcp-client").build());
      Connection serverSide = server.get(10, TimeUnit.SECONDS);

      RemoteRef order = (RemoteRef) client.root().get("order");
      assertThat(order.call("total")).isEqualTo(15);
      assertThat(((RemoteRef) order.get("items")).toList()).hasSize(2);
      Batch b = client.batch();
      Batch.Step<Object> frames = b.call(client.root(), "frames");
      Batch.Step<List<Description>> d = b.describe(List.of(frames), 1);
      b.execute();
      assertThat(d.value().get(0).length()).hasValue(50);

      RemoteRef numbers = (RemoteRef) order.get("numbers");
      assertThat(numbers.length()).isEqualTo(3);
      serverSide.close("agent shutting down");
      assertThatThrownBy(() -> order.get("id")).isInstanceOf(ConnectionClosedException.class)
          .hasMessage("connection closed by peer: agent shutting down");
    }
  }
}
