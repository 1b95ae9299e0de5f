package dev.rdb.core;

import java.io.IOException;

/**
 * The network layer: anything that can send and receive <em>marshallable</em> values.
 *
 * <p>A marshallable value is {@code null}, {@link Boolean}, {@link Long}, {@link Double},
 * {@link String}, {@code byte[]}, a {@link java.util.List} of marshallables, or a
 * {@link java.util.Map} with {@link String} keys and marshallable values. Nothing else crosses a
 * channel; a {@link Connection} turns objects into such values following the copy rules in
 * {@code docs/PROTOCOL.md}.
 *
 * <p>Contract, which {@link Connection} relies on:
 * <ul>
 *   <li>messages arrive in the order they were sent, each exactly once;
 *   <li>{@link #send} may be called by several threads at once (implementations serialise);
 *       {@link #receive} is called by one thread at a time;
 *   <li>{@link #receive} blocks until a message arrives; once the peer has closed and every message
 *       it sent has been received, it throws {@link java.io.EOFException};
 *   <li>{@link #close} is idempotent and makes a blocked {@link #receive} or {@link #send} on this end
 *       fail promptly with an {@link IOException}.
 * </ul>
 * Implementations: {@link StreamChannel} (length-delimited MessagePack over streams, used for TCP)
 * and {@link MemoryChannel#pair()} (in-memory, for tests).
 */
public interface Channel extends AutoCloseable {

  /**
   * Sends one marshallable message; throws {@link IOException} if the channel is closed or broken,
   * {@link IllegalArgumentException} (having sent nothing) if the message is not marshallable or
   * too large for this channel.
   */
  void send(Object message) throws IOException;

  /** Receives the next message, blocking until one arrives. */
  Object receive() throws IOException;

  /** Closes this end. Never throws. */
  @Override
  void close();
}
