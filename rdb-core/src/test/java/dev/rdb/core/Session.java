package dev.rdb.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client and a server connection over an in-memory pair, both recorded. The server exports
 * {@code root} under {@code policy}; the client exports nothing and allows callbacks per
 * {@code clientPolicy}.
 */
record Session(Connection client, Connection server, RecordingChannel clientChannel,
    RecordingChannel serverChannel) implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789";

  static Session open(Object root, Policy policy) {
    return open(ConnectionOptions.builder().token(TOKEN).root(root).policy(policy).name("server")
        .build(), ConnectionOptions.builder().token(TOKEN).policy(Policy.full()).name("client")
        .build());
  }

  static Session open(ConnectionOptions serverOptions, ConnectionOptions clientOptions) {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    RecordingChannel serverChannel = new RecordingChannel(pair.server());
    RecordingChannel clientChannel = new RecordingChannel(pair.client());
    CompletableFuture<Connection> server =
        CompletableFuture.supplyAsync(() -> Connection.accept(serverChannel, serverOptions));
    Connection client = Connection.connect(clientChannel, clientOptions);
    try {
      return new Session(client, server.get(10, TimeUnit.SECONDS), clientChannel, serverChannel);
    } catch (Exception e) {
      throw new AssertionError("server side of the session did not open", e);
    }
  }

  long roundTrips() {
    return client.stats().roundTrips();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
