package dev.rdb.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A connected socket's channel switched to non-blocking mode, so that a sender can write what the
 * socket takes at once ({@link #writeNow}) and never wait for its peer. The streams wait for the
 * socket the way blocking streams would, each with a selector of its own: {@link #input()} for
 * one reading thread (honouring the socket's read timeout), {@link #output()} for one writing
 * thread. {@link #close()} wakes both and closes the socket.
 *
 * <p>A waiting stream also looks every {@value #POLL_MILLIS} ms whether someone closed the socket
 * itself (the agent's watchdog does): a channel registered with a selector is only really closed
 * once its selectors let go of it, so the waiting thread fails and its owner closes this.
 */
final class NonBlockingSocket implements AutoCloseable {
  static final long POLL_MILLIS = 250;

  private final Socket socket;
  private final SocketChannel channel;
  private final Selector readable;
  /** Made on the writer's first wait (most peers never make it wait); guarded by this. */
  private Selector writable;
  private volatile boolean closed;

  private NonBlockingSocket(Socket socket, SocketChannel channel, Selector readable) {
    this.socket = socket;
    this.channel = channel;
    this.readable = readable;
  }

  /**
   * The socket made non-blocking, or null when it is not a channel's own socket: a
   * {@code java.net} one, or a TLS socket (which may report the channel it is layered over).
   */
  static NonBlockingSocket of(Socket socket) throws IOException {
    SocketChannel channel = socket.getChannel();
    if (channel == null || channel.socket() != socket) {
      return null;
    }
    Selector readable = Selector.open();
    try {
      channel.configureBlocking(false);
      channel.register(readable, SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      readable.close();
      throw e;
    }
    return new NonBlockingSocket(socket, channel, readable);
  }

  /** Writes what the socket takes now of {@code len} bytes, without waiting; returns how many. */
  int writeNow(byte[] bytes, int off, int len) throws IOException {
    return channel.write(ByteBuffer.wrap(bytes, off, len));
  }

  InputStream input() {
    return new Input();
  }

  OutputStream output() {
    return new Output();
  }

  /** Reads as a blocking stream would, waiting on the read selector. */
  private final class Input extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      int timeout = socket.getSoTimeout();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
      while (true) {
        int n = channel.read(buffer);
        if (n != 0) {
          return n;
        }
        long wait = POLL_MILLIS;
        if (timeout != 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new SocketTimeoutException("Read timed out");
          }
          wait = Math.min(wait, left);
        }
        await(readable, wait);
      }
    }

    @Override
    public void close() {
      NonBlockingSocket.this.close();
    }
  }

  /** Writes as a blocking stream would, waiting on the write selector: the writer thread's. */
  private final class Output extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (buffer.hasRemaining()) {
        if (channel.write(buffer) == 0) {
          await(writable(), POLL_MILLIS);
        }
      }
    }

    @Override
    public void close() {
      NonBlockingSocket.this.close();
    }
  }

  private synchronized Selector writable() throws IOException {
    if (closed) {
      throw new SocketException("Socket closed");
    }
    if (writable == null) {
      Selector selector = Selector.open();
      try {
        channel.register(selector, SelectionKey.OP_WRITE);
      } catch (IOException | RuntimeException e) {
        selector.close();
        throw e;
      }
      writable = selector;
    }
    return writable;
  }

  /** Waits until {@code selector}'s socket may be ready, at most {@code millis}. */
  private void await(Selector selector, long millis) throws IOException {
    try {
      selector.select(millis);
      selector.selectedKeys().clear();
    } catch (ClosedSelectorException e) {
      throw new SocketException("Socket closed");
    }
    if (closed || !channel.isOpen()) {
      throw new SocketException("Socket closed");
    }
  }

  /** Wakes a thread waiting in either stream (it fails), then closes the socket. Idempotent. */
  @Override
  public void close() {
    Selector w;
    synchronized (this) {
      closed = true;
      w = writable;
    }
    StreamChannel.closeQuietly(readable);
    if (w != null) {
      StreamChannel.closeQuietly(w);
    }
    StreamChannel.closeQuietly(socket);
  }
}
