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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client and a server connection over a loopback TCP socket, opened either as the agent and the
 * CLI open theirs ({@link Sockets#CHANNELS}) or over {@code java.net} sockets whose client streams
 * count the bytes they carry ({@link Sockets#JAVA_NET}), so that a raw ping-pong can use exactly
 * the same sizes.
 */
final class LoopbackSession implements AutoCloseable {
  private static final String TOKEN = "bench-token";

  /** How both ends' sockets are made. */
  enum Sockets {
    /**
     * Sockets of {@code java.nio} channels, which rdb-core writes without a thread hand-off while
     * the peer keeps up.
     */
    CHANNELS,
    /** {@code java.net} sockets: every frame goes through the channel's writer thread. */
    JAVA_NET
  }

  final Connection client;
  final Connection server;
  final AtomicLong bytesSent = new AtomicLong();
  final AtomicLong bytesReceived = new AtomicLong();

  LoopbackSession(Object root, Sockets sockets) throws Exception {
    boolean channels = sockets == Sockets.CHANNELS;
    try (ServerSocket listener =
        channels ? ServerSocketChannel.open().socket() : new ServerSocket()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      ConnectionOptions serverOptions = ConnectionOptions.builder().token(TOKEN).root(root)
          .policy(Policy.full()).name("server").build();
      CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return Connection.accept(StreamChannel.over(listener.accept()), serverOptions);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      StreamChannel channel;
      if (channels) {
        channel = StreamChannel.over(SocketChannel.open(listener.getLocalSocketAddress()).socket());
      } else {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        socket.setTcpNoDelay(true);
        channel = new StreamChannel(counting(socket.getInputStream(), bytesReceived),
            counting(socket.getOutputStream(), bytesSent));
      }
      client = Connection.connect(channel,
          ConnectionOptions.builder().token(TOKEN).name("client").build());
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
