package dev.rdb.agent.serve;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.core.Channel;
import dev.rdb.core.StreamChannel;
import java.io.IOException;

/**
 * The channel of one session: rdb-core's {@link StreamChannel} over the session's socket, whose
 * output is {@linkplain WatchedOutputStream watched} for stalls. Closing it (rdb-core's connection
 * does, whenever and however it ends) closes the socket and tells the {@link Session}. A send
 * that finds the client too far behind (the stream's queue bound) closes it and counts
 * {@code clientsStalled}, as the watchdog does for a write that stays blocked.
 */
final class SessionChannel implements Channel {

  private final StreamChannel stream;
  private final Session session;
  private final Counters counters;

  SessionChannel(StreamChannel stream, Session session, Counters counters) {
    this.stream = stream;
    this.session = session;
    this.counters = counters;
  }

  @Override
  public void send(Object message) throws IOException {
    try {
      stream.send(message);
    } catch (StreamChannel.QueueFullException e) {
      if (session.markStalled()) {
        counters.add(Counter.CLIENTS_STALLED);
      }
      session.close();
      throw e;
    }
  }

  @Override
  public Object receive() throws IOException {
    return stream.receive();
  }

  @Override
  public void close() {
    stream.close();
    session.close();
  }
}
