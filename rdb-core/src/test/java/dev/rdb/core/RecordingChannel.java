package dev.rdb.core;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Channel} decorator that records every message sent and received. */
final class RecordingChannel implements Channel {
  private final Channel delegate;
  final List<Object> sent = new CopyOnWriteArrayList<>();
  final List<Object> received = new CopyOnWriteArrayList<>();

  RecordingChannel(Channel delegate) {
    this.delegate = delegate;
  }

  @Override
  public void send(Object message) throws IOException {
    sent.add(message);
    delegate.send(message);
  }

  @Override
  public Object receive() throws IOException {
    Object message = delegate.receive();
    received.add(message);
    return message;
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Sent messages of one kind ({@code "CALL"}, {@code "RELEASE"}, …). */
  List<List<?>> sentOfKind(String kind) {
    return sent.stream().filter(m -> m instanceof List && kind.equals(((List<?>) m).get(0)))
        .map(m -> (List<?>) m).collect(java.util.stream.Collectors.toList());
  }
}
