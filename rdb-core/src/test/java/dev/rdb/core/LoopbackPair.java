package dev.rdb.core;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two connected loopback TCP sockets whose buffers from {@code writer} to {@code reader} are
 * small: when the reader stops reading, the writer blocks after a few KiB instead of megabytes.
 */
record LoopbackPair(Socket writer, Socket reader) implements Closeable {

  private static final int SMALL_BUFFER = 4096;

  /** {@code java.net} sockets. */
  static LoopbackPair open() throws Exception {
    return open(false);
  }

  /** Sockets of {@code java.nio} channels, as the agent accepts and the CLI connects them. */
  static LoopbackPair openChannels() throws Exception {
    return open(true);
  }

  private static LoopbackPair open(boolean channels) throws Exception {
    try (ServerSocket listener = channels ? ServerSocketChannel.open().socket() : new ServerSocket()) {
      // Set before bind, so the accepted socket's window is small from the handshake on.
      listener.setReceiveBufferSize(SMALL_BUFFER);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return listener.accept();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      Socket writer = channels ? SocketChannel.open().socket() : new Socket();
      writer.setSendBufferSize(SMALL_BUFFER);
      writer.connect(listener.getLocalSocketAddress(), 5000);
      return new LoopbackPair(writer, accepted.get(10, TimeUnit.SECONDS));
    }
  }

  @Override
  public void close() throws IOException {
    try (reader) {
      writer.close();
    }
  }
}
