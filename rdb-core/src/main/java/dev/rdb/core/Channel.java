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
 *   <li>{@link #send} checks the message on the calling thread: a message that is not marshallable
 *       or too large throws {@link IllegalArgumentException} and nothing is sent;
 *   <li>{@link #send} may return before the message is written (a channel that queues it); such a
 *       channel bounds its queue, and when a peer that does not read makes a send pass the bound,
 *       the channel closes itself and that send throws an {@link IOException} saying so;
 *   <li>{@link #close} is idempotent; it lets what was sent before it be written, waiting a bounded
 *       time for a peer that does not read (then the rest is dropped), and makes a blocked
 *       {@link #receive} or {@link #send} on this end fail promptly (within that bound).
 * </ul>
 * {@link Connection} sends from its reader thread too, so a send that waits for the peer to read
 * stalls that connection's reading (never another connection's): {@link StreamChannel} never waits
 * (its own writer thread writes what a socket does not take at once), {@link MemoryChannel} waits
 * only while its bounded queue is full.
 *
 * <p>Implementations: {@link StreamChannel} (length-delimited MessagePack over streams, used for
 * TCP) and {@link MemoryChannel#pair()} (in-memory, for tests).
 */
public interface Channel extends AutoCloseable {

  /**
   * Sends one marshallable message; throws {@link IOException} if the channel is closed or broken
   * (or breaks because of this send: a peer that stopped reading), {@link IllegalArgumentException}
   * (having sent nothing) if the message is not marshallable or too large for this channel.
   */
  void send(Object message) throws IOException;

  /** Receives the next message, blocking until one arrives. */
  Object receive() throws IOException;

  /** Closes this end. Never throws. */
  @Override
  void close();
}
