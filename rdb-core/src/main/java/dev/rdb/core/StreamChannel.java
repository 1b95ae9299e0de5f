package dev.rdb.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
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
 * throws {@link IllegalArgumentException} and writes nothing. One thread receives at a time.
 *
 * <p>Sending never waits for the peer. {@link #send} encodes the message on the calling thread and
 * appends the frame to an outbound queue; the channel's writer thread ({@code rdb-writer-NAME},
 * a daemon started by a send when none runs, ending after {@value #WRITER_IDLE_MILLIS} ms without
 * frames or when the channel closes) writes queued frames in order, several per flush when they
 * pile up. The queue is bounded by {@link #maxQueuedBytes()} (frames sent and not yet written, the
 * ones being written included): a send that would pass the bound means the peer stopped reading or
 * reads far slower than this end sends, so the channel closes itself on the sending thread, without
 * waiting for the writer, and that send throws
 * {@link QueueFullException} naming the bytes queued; later sends and {@link #receive} fail with
 * the same reason. A frame on its own is always accepted, however large, when nothing is queued.
 * So only the writer thread can be stuck in a socket write (Java sockets have no write timeout);
 * closing the channel fails that write.
 *
 * <p>Over a socket that has a {@link java.nio.channels.SocketChannel} (one opened or accepted
 * through {@code java.nio}, not TLS), the channel switches it to non-blocking mode, and a send
 * that finds nothing queued writes its frame itself, as far as the socket takes it at once; only
 * what is left goes to the writer thread. So a round trip costs no thread hand-off while the peer
 * keeps up, and a send still never waits for the peer.
 */
public final class StreamChannel implements Channel {
  /** Default limit on one frame, in bytes: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
  /** Default limit on bytes sent and not yet written: 16 MiB (as OkHttp's web sockets). */
  public static final long DEFAULT_MAX_QUEUED_BYTES = 16L * 1024 * 1024;
  /** How long {@link #close} waits for the writer to write what was sent before it. */
  static final long CLOSE_LINGER_MILLIS = 1000;
  /** How long an idle writer thread waits for a frame before it ends (the next send starts one). */
  static final long WRITER_IDLE_MILLIS = 30_000;

  private static final AtomicInteger UNNAMED = new AtomicInteger();

  private final DataInputStream in;
  /** Written by the writer thread only. */
  private final OutputStream out;
  private final int maxFrameBytes;
  private final long maxQueuedBytes;
  private final String name;
  private final AutoCloseable resource;
  private final InputStream rawIn;
  private final OutputStream rawOut;
  /** The socket a send may write to itself when nothing is queued; null over plain streams. */
  private final NonBlockingSocket direct;
  private final Object receiveLock = new Object();
  /** Guards the outbound state below; held only to queue and take frames, never to write. */
  private final ReentrantLock sendLock = new ReentrantLock();
  /** Signalled when a frame is queued for a waiting writer, and on close. */
  private final Condition frameQueued = sendLock.newCondition();
  /** Signalled when the writer finished a batch, so a closing thread knows when all is written. */
  private final Condition batchWritten = sendLock.newCondition();
  /** Guards {@link #packer}. */
  private final ReentrantLock packerLock = new ReentrantLock();
  /** Guarded by packerLock; reused so a lone sender allocates only the frame it queues. */
  private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
  /** Guarded by sendLock: frames in send order, not yet taken by the writer. */
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  /** Guarded by sendLock: bytes of queued frames plus the batch being written. */
  private long queuedBytes;
  /** Guarded by sendLock: the running writer thread, null when none. */
  private Thread writer;
  /** Guarded by sendLock: the writer waits on frameQueued. */
  private boolean writerWaiting;
  /** Guarded by receiveLock; reused for frames up to 64 KiB. */
  private byte[] receiveBuffer = new byte[8192];
  /** Why the channel failed on its own (queue full, write failed); null while it has not. */
  private volatile IOException failure;
  private volatile boolean closed;

  /** A channel over {@code in} and {@code out} with the default limits. */
  public StreamChannel(InputStream in, OutputStream out) {
    this(in, out, DEFAULT_MAX_FRAME_BYTES);
  }

  /** A channel over {@code in} and {@code out} refusing frames longer than {@code maxFrameBytes}. */
  public StreamChannel(InputStream in, OutputStream out, int maxFrameBytes) {
    this(in, out, maxFrameBytes, DEFAULT_MAX_QUEUED_BYTES, "stream-" + UNNAMED.incrementAndGet());
  }

  /**
   * A channel over {@code in} and {@code out} refusing frames longer than {@code maxFrameBytes},
   * closing itself when a send would make more than {@code maxQueuedBytes} wait to be written;
   * {@code name} names the writer thread ({@code rdb-writer-NAME}).
   */
  public StreamChannel(InputStream in, OutputStream out, int maxFrameBytes, long maxQueuedBytes,
      String name) {
    this(in, out, maxFrameBytes, maxQueuedBytes, name, null, null);
  }

  private StreamChannel(InputStream in, OutputStream out, int maxFrameBytes, long maxQueuedBytes,
      String name, AutoCloseable resource, NonBlockingSocket direct) {
    if (maxFrameBytes < 16) {
      throw new IllegalArgumentException("maxFrameBytes < 16: " + maxFrameBytes);
    }
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes < 1: " + maxQueuedBytes);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is blank: " + name);
    }
    this.in = new DataInputStream(new BufferedInputStream(in, 65536));
    this.out = new BufferedOutputStream(out, 65536);
    this.maxFrameBytes = maxFrameBytes;
    this.maxQueuedBytes = maxQueuedBytes;
    this.name = name;
    this.resource = resource;
    this.rawIn = in;
    this.rawOut = out;
    this.direct = direct;
  }

  /**
   * A channel over a connected socket (TCP_NODELAY is turned on) with the default limits, its
   * writer named after the peer's address; closing it closes the socket.
   */
  public static StreamChannel over(Socket socket) throws IOException {
    return over(socket, DEFAULT_MAX_FRAME_BYTES);
  }

  /** As {@link #over(Socket)}, with a frame limit. */
  public static StreamChannel over(Socket socket, int maxFrameBytes) throws IOException {
    return over(socket, maxFrameBytes, DEFAULT_MAX_QUEUED_BYTES,
        socket.getInetAddress().getHostAddress() + ":" + socket.getPort(), UnaryOperator.identity());
  }

  /**
   * A channel over a connected socket (TCP_NODELAY is turned on; non-blocking when it has a
   * {@link java.nio.channels.SocketChannel}), with the limits and writer name of
   * {@link #StreamChannel(InputStream, OutputStream, int, long, String)}; the writer thread writes
   * to {@code writerStream} applied to the socket's stream (to time its writes, say). Closing the
   * channel closes the socket.
   */
  public static StreamChannel over(Socket socket, int maxFrameBytes, long maxQueuedBytes,
      String name, UnaryOperator<OutputStream> writerStream) throws IOException {
    socket.setTcpNoDelay(true);
    NonBlockingSocket direct = NonBlockingSocket.of(socket);
    if (direct == null) {
      return new StreamChannel(socket.getInputStream(),
          writerStream.apply(socket.getOutputStream()), maxFrameBytes, maxQueuedBytes, name,
          socket, null);
    }
    return new StreamChannel(direct.input(), writerStream.apply(direct.output()), maxFrameBytes,
        maxQueuedBytes, name, direct, direct);
  }

  /** The largest frame this channel sends or accepts. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** The most bytes that may wait to be written before the channel gives up on its peer. */
  public long maxQueuedBytes() {
    return maxQueuedBytes;
  }

  /** Bytes sent and not yet written to the stream (the frames being written included). */
  public long queuedBytes() {
    sendLock.lock();
    try {
      return queuedBytes;
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * Encodes {@code message} and queues its frame for the writer thread (over a non-blocking socket
   * with nothing queued, first writes what the socket takes at once); returns without waiting for
   * the peer. Throws {@link QueueFullException} (and closes the channel) when the frame would
   * make more than {@link #maxQueuedBytes()} wait.
   */
  @Override
  public void send(Object message) throws IOException {
    checkOpen();
    byte[] frame = encode(message);
    IOException failed;
    sendLock.lock();
    try {
      checkOpen();
      failed = queueUnwritten(frame);
      if (failed == null) {
        return;
      }
      failure = failed;
    } finally {
      sendLock.unlock();
    }
    close();
    throw failed;
  }

  /**
   * Writes what the socket takes of {@code frame} at once when it may (a non-blocking socket,
   * nothing queued: the writer is idle and its buffer flushed), and queues the rest for the writer;
   * returns why the channel must close, or null. Guarded by sendLock.
   */
  private IOException queueUnwritten(byte[] frame) {
    byte[] rest = frame;
    if (queuedBytes == 0 && direct != null) {
      int written;
      try {
        written = direct.writeNow(frame, 0, frame.length);
      } catch (IOException | RuntimeException e) {
        return new IOException("writing to the peer failed: " + e.getMessage(), e);
      }
      if (written == frame.length) {
        return null;
      }
      rest = written == 0 ? frame : Arrays.copyOfRange(frame, written, frame.length);
    }
    if (queuedBytes > 0 && queuedBytes + rest.length > maxQueuedBytes) {
      return new QueueFullException("the peer is not reading: " + queuedBytes
          + " bytes are queued for it and " + rest.length + " more would pass the limit of "
          + maxQueuedBytes + " bytes");
    }
    queue.addLast(rest);
    queuedBytes += rest.length;
    return wakeWriter();
  }

  /**
   * Frames {@code message} outside the send lock, so senders encode in parallel and the lock is
   * held only to queue: with the shared packer when it is free (one sender, the usual case, then
   * allocates only the frame), else with a packer of its own.
   */
  private byte[] encode(Object message) throws IOException {
    if (packerLock.tryLock()) {
      try {
        return frame(packer, message);
      } finally {
        packerLock.unlock();
      }
    }
    return frame(MessagePack.newDefaultBufferPacker(), message);
  }

  private byte[] frame(MessageBufferPacker packer, Object message) throws IOException {
    packer.clear();
    FrameCodec.pack(packer, message);
    List<MessageBuffer> buffers = packer.toBufferList();
    long size = 0;
    for (MessageBuffer buffer : buffers) {
      size += buffer.size();
    }
    if (size > maxFrameBytes) {
      // Nothing was queued: the channel stays usable, so this is the caller's error to handle.
      throw new IllegalArgumentException("message of " + size + " bytes exceeds the frame limit of "
          + maxFrameBytes + " bytes");
    }
    int n = (int) size;
    byte[] frame = new byte[4 + n];
    frame[0] = (byte) (n >>> 24);
    frame[1] = (byte) (n >>> 16);
    frame[2] = (byte) (n >>> 8);
    frame[3] = (byte) n;
    int at = 4;
    for (MessageBuffer buffer : buffers) {
      System.arraycopy(buffer.array(), buffer.arrayOffset(), frame, at, buffer.size());
      at += buffer.size();
    }
    return frame;
  }

  /** Starts the writer or wakes it; returns why that failed, or null. Guarded by sendLock. */
  private IOException wakeWriter() {
    if (writer == null) {
      Thread t;
      try {
        t = new Thread(this::writeLoop, "rdb-writer-" + name);
        t.setDaemon(true);
        t.start();
      } catch (Throwable e) {
        // Out of memory or out of threads: nobody would ever write what is queued.
        return new IOException("cannot start the writer thread: " + e, e);
      }
      writer = t;
    } else if (writerWaiting) {
      frameQueued.signal();
    }
    return null;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      IOException f = failure;
      throw f != null ? new IOException(f.getMessage(), f)
          : new IOException("channel closed at this end");
    }
  }

  /**
   * The writer thread: takes every queued frame, writes them, flushes once, and again; ends when
   * the channel closes, a write fails, or nothing was sent for {@value #WRITER_IDLE_MILLIS} ms.
   */
  private void writeLoop() {
    List<byte[]> batch = new ArrayList<>();
    while (true) {
      long batchBytes = 0;
      sendLock.lock();
      try {
        long idleDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITER_IDLE_MILLIS);
        while (queue.isEmpty()) {
          long left = idleDeadline - System.nanoTime();
          if (closed || left <= 0) {
            writer = null;
            return;
          }
          writerWaiting = true;
          try {
            frameQueued.awaitNanos(left);
          } catch (InterruptedException e) {
            // Nobody interrupts this thread on purpose; the deadline still ends the wait.
          } finally {
            writerWaiting = false;
          }
        }
        while (!queue.isEmpty()) {
          byte[] frame = queue.pollFirst();
          batch.add(frame);
          batchBytes += frame.length;
        }
      } finally {
        sendLock.unlock();
      }
      try {
        for (byte[] frame : batch) {
          out.write(frame);
        }
        out.flush();
      } catch (IOException | RuntimeException e) {
        writeFailed(e, batchBytes);
        return;
      }
      sendLock.lock();
      try {
        queuedBytes -= batchBytes;
        batchWritten.signalAll();
      } finally {
        sendLock.unlock();
      }
      batch.clear();
    }
  }

  private void writeFailed(Exception e, long batchBytes) {
    sendLock.lock();
    try {
      writer = null;
      queuedBytes -= batchBytes;
      if (!closed && failure == null) {
        failure = new IOException("writing to the peer failed: " + e.getMessage(), e);
      }
    } finally {
      sendLock.unlock();
    }
    close();
  }

  @Override
  public Object receive() throws IOException {
    synchronized (receiveLock) {
      checkOpen();
      try {
        return readFrame();
      } catch (IOException e) {
        // A read failing because this end gave up on the peer (queue full, write failed) says so.
        IOException f = failure;
        throw f != null ? new IOException(f.getMessage(), e) : e;
      }
    }
  }

  /** Reads and decodes one frame; guarded by receiveLock. */
  private Object readFrame() throws IOException {
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

  /**
   * Refuses further sends, gives the writer up to {@value #CLOSE_LINGER_MILLIS} ms to write what
   * was sent before (none when the channel gave up on its peer), then closes the streams: a write
   * still blocked on a peer that stopped reading fails, the frames left are dropped, a blocked
   * {@link #receive} fails and the writer thread ends. Idempotent; waits only on the first call.
   */
  @Override
  public void close() {
    sendLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      frameQueued.signalAll();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_LINGER_MILLIS);
      while (queuedBytes > 0 && writer != null && failure == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          batchWritten.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (byte[] dropped : queue) {
        queuedBytes -= dropped.length;
      }
      queue.clear();
    } finally {
      sendLock.unlock();
    }
    // The raw streams, not the buffered wrappers: a wrapper's close flushes under its own lock and
    // would wait for the writer blocked in write.
    closeQuietly(resource);
    closeQuietly(rawIn);
    closeQuietly(rawOut);
  }

  /**
   * Thrown by {@link StreamChannel#send} when the frame would make more than
   * {@link StreamChannel#maxQueuedBytes()} wait to be written: the peer is not keeping up, and the
   * channel has closed.
   */
  public static final class QueueFullException extends IOException {
    private static final long serialVersionUID = 1L;

    QueueFullException(String message) {
      super(message);
    }
  }

  static void closeQuietly(AutoCloseable c) {
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
