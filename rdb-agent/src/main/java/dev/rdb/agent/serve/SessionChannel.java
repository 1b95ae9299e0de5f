package dev.rdb.agent.serve;

import dev.rdb.core.Channel;
import dev.rdb.core.StreamChannel;
import java.io.IOException;

/**
 * The channel of one session: rdb-core's {@link StreamChannel} over the session's socket, whose
 * output is {@linkplain WatchedOutputStream watched} for stalls. Closing it (rdb-core's connection
 * does, whenever and however it ends) closes the socket and tells the {@link Session}.
 */
final class SessionChannel implements Channel {

  private final StreamChannel stream;
  private final Session session;

  SessionChannel(StreamChannel stream, Session session) {
    this.stream = stream;
    this.session = session;
  }

  @Override
  public void send(Object message) throws IOException {
    stream.send(message);
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
