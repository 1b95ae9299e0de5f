package dev.rdb.core;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven client: does HELLO by the book over an in-memory pair, then sends whatever the
 * test writes and hands back what the server answers. For tests of malformed and hostile input.
 */
final class ScriptedPeer implements AutoCloseable {
  final MemoryChannel channel;
  final Connection server;
  /** The server's root, as the wire value WELCOME carried (e.g. {@code ["R", 1, …]}). */
  final Object rootWire;

  private ScriptedPeer(MemoryChannel channel, Connection server, Object rootWire) {
    this.channel = channel;
    this.server = server;
    this.rootWire = rootWire;
  }

  static ScriptedPeer connect(ConnectionOptions serverOptions) {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server =
        CompletableFuture.supplyAsync(() -> Connection.accept(pair.server(), serverOptions));
    try {
      byte[] token = Session.TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] nonce = Handshake.nonce();
      pair.client().send(List.of("HELLO", 1L, nonce, List.of()));
      List<?> challenge = (List<?>) pair.client().receive();
      byte[] serverNonce = (byte[]) challenge.get(2);
      pair.client().send(List.of("AUTH",
          Handshake.proof(token, Handshake.CLIENT_LABEL, serverNonce, nonce), "scripted",
          Map.of("name", "none", "rules", List.of())));
      List<?> welcome = (List<?>) pair.client().receive();
      return new ScriptedPeer(pair.client(), server.get(10, TimeUnit.SECONDS), welcome.get(1));
    } catch (Exception e) {
      throw new AssertionError("scripted HELLO failed", e);
    }
  }

  /** The root's id, to address it as {@code ["Y", id]}. */
  long rootId() {
    return (Long) ((List<?>) rootWire).get(1);
  }

  void send(Object message) throws IOException {
    channel.send(message);
  }

  /** Sends {@code ["CALL", id, ops]} and returns the answer (REPLY or FAIL). */
  List<?> call(long id, Object ops) throws IOException {
    channel.send(java.util.Arrays.asList("CALL", id, ops));
    return (List<?>) receiveSkippingReleases();
  }

  Object receiveSkippingReleases() throws IOException {
    while (true) {
      Object m = channel.receive();
      if (!(m instanceof List) || !"RELEASE".equals(((List<?>) m).get(0))) {
        return m;
      }
    }
  }

  @Override
  public void close() {
    channel.close();
    server.close();
  }
}
