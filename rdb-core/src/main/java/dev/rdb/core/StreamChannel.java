package dev.rdb.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.buffer.MessageBuffer;

/**
 * A {@link Channel} over a pair of byte streams: each message is one frame, a 4-byte big-endian
 * unsigned length followed by that many bytes of MessagePack (see {@code docs/PROTOCOL.md}).
 *
 * <p>A frame longer than the maximum frame size is refused before anything is allocated for it,
 * and the channel is unusable afterwards (the stream position is lost). Below the limit, a large
 * frame's buffer grows as its bytes arrive, so an unauthenticated peer cannot make the receiver
 * allocate the limit by sending a 4-byte length alone. Sending a message larger than the limit
 * throws {@link IllegalArgumentException} and writes nothing. Sends are serialised by a
 * lock; one thread receives at a time.
 */
public final class StreamChannel implements Channel {
  /** Default limit on one frame, in bytes: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

  private final DataInputStream in;
  private final OutputStream out;
  private final int maxFrameBytes;
  private final AutoCloseable resource;
  private final InputStream rawIn;
  private final OutputStream rawOut;
  private final Object sendLock = new Object();
  private final Object receiveLock = new Object();
  /** Guarded by sendLock; reused so a send allocates only the frame it writes. */
  private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
  /** Guarded by receiveLock; reused for frames up to 64 KiB. */
  private byte[] receiveBuffer = new byte[8192];
  private volatile boolean closed;

  /** A channel over {@code in} and {@code out} with the default frame limit. */
  public StreamChannel(InputStream in, OutputStream out) {
    this(in, out, DEFAULT_MAX_FRAME_BYTES);
  }

  /** A channel over {@code in} and {@code out} refusing frames longer than {@code maxFrameBytes}. */
  public StreamChannel(InputStream in, OutputStream out, int maxFrameBytes) {
    this(in, out, maxFrameBytes, null);
  }

  private StreamChannel(InputStream in, OutputStream out, int maxFrameBytes, AutoCloseable resource) {
    if (maxFrameBytes < 16) {
      throw new IllegalArgumentException("maxFrameBytes < 16: " + maxFrameBytes);
    }
    this.in = new DataInputStream(new BufferedInputStream(in, 65536));
    this.out = new BufferedOutputStream(out, 65536);
    this.maxFrameBytes = maxFrameBytes;
    this.resource = resource;
    this.rawIn = in;
    this.rawOut = out;
  }

  /** A channel over a connected socket (TCP_NODELAY is turned on); closing it closes the socket. */
  public static StreamChannel over(Socket socket) throws IOException {
    return over(socket, DEFAULT_MAX_FRAME_BYTES);
  }

  /** As {@link #over(Socket)}, with a frame limit. */
  public static StreamChannel over(Socket socket, int maxFrameBytes) throws IOException {
    socket.setTcpNoDelay(true);
    return new StreamChannel(socket.getInputStream(), socket.getOutputStream(), maxFrameBytes,
        socket);
  }

  /** The largest frame this channel sends or accepts. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  @Override
  public void send(Object message) throws IOException {
    synchronized (sendLock) {
      if (closed) {
        throw new IOException("channel closed at this end");
      }
      packer.clear();
      FrameCodec.pack(packer, message);
      List<MessageBuffer> buffers = packer.toBufferList();
      long size = 0;
      for (MessageBuffer buffer : buffers) {
        size += buffer.size();
      }
      if (size > maxFrameBytes) {
        // Nothing was written: the channel stays usable, so this is the caller's error to handle.
        throw new IllegalArgumentException("message of " + size + " bytes exceeds the frame limit of "
            + maxFrameBytes + " bytes");
      }
      int n = (int) size;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      for (MessageBuffer buffer : buffers) {
        out.write(buffer.array(), buffer.arrayOffset(), buffer.size());
      }
      out.flush();
    }
  }

  @Override
  public Object receive() throws IOException {
    synchronized (receiveLock) {
      if (closed) {
        throw new IOException("channel closed at this end");
      }
      int first = in.read();
      if (first < 0) {
        throw new EOFException("peer closed the stream");
      }
      long length = ((long) first << 24) | ((long) in.readUnsignedByte() << 16)
          | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
      if (length > maxFrameBytes) {
        throw new IOException(
            "frame of " + length + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
      }
      int n = (int) length;
      byte[] frame;
      if (n <= receiveBuffer.length) {
        frame = receiveBuffer;
        in.readFully(frame, 0, n);
      } else {
        frame = readGrowing(n);
        if (n <= 65536) {
          receiveBuffer = frame;
        }
      }
      return FrameCodec.decode(frame, n);
    }
  }

  /**
   * Reads an {@code n}-byte frame into a buffer that doubles as bytes arrive: a length the peer
   * merely claims (before authenticating, say) costs at most twice what it actually sent, not
   * {@code n}.
   */
  private byte[] readGrowing(int n) throws IOException {
    byte[] buffer = new byte[Math.min(n, 65536)];
    int filled = 0;
    while (filled < n) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(n, 2L * buffer.length));
      }
      int read = in.read(buffer, filled, buffer.length - filled);
      if (read < 0) {
        throw new EOFException("peer closed the stream " + filled + " bytes into a frame of " + n
            + " bytes");
      }
      filled += read;
    }
    return buffer;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // The raw streams, not the buffered wrappers: a wrapper's close flushes under its own lock and
    // would wait for a sender blocked in write.
    closeQuietly(resource);
    closeQuietly(rawIn);
    closeQuietly(rawOut);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // Closing is best effort: the channel is unusable either way and the caller asked for it.
    }
  }
}
