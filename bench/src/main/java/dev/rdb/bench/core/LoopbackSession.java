package dev.rdb.bench.core;

import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Policy;
import dev.rdb.core.StreamChannel;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client and a server connection over a loopback TCP socket, the client's streams counting the
 * bytes they carry (so a raw ping-pong can use exactly the same sizes).
 */
final class LoopbackSession implements AutoCloseable {
  private static final String TOKEN = "bench-token";

  final Connection client;
  final Connection server;
  final AtomicLong bytesSent = new AtomicLong();
  final AtomicLong bytesReceived = new AtomicLong();

  LoopbackSession(Object root) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ConnectionOptions serverOptions = ConnectionOptions.builder().token(TOKEN).root(root)
          .policy(Policy.full()).name("bench-server").build();
      CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return Connection.accept(StreamChannel.over(listener.accept()), serverOptions);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      socket.setTcpNoDelay(true);
      StreamChannel channel = new StreamChannel(counting(socket.getInputStream(), bytesReceived),
          counting(socket.getOutputStream(), bytesSent));
      client = Connection.connect(channel,
          ConnectionOptions.builder().token(TOKEN).name("bench-client").build());
      server = accepted.get(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  private static InputStream counting(InputStream in, AtomicLong counter) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          counter.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
          counter.addAndGet(n);
        }
        return n;
      }
    };
  }

  private static OutputStream counting(OutputStream out, AtomicLong counter) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        counter.incrementAndGet();
      }

      @Override
      public void write(byte[] buffer, int off, int len) throws IOException {
        out.write(buffer, off, len);
        counter.addAndGet(len);
      }
    };
  }
}
