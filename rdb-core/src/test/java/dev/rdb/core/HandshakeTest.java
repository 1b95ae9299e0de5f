package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HELLO: versions, HMAC challenge–response, and nothing reachable before it succeeds. */
class HandshakeTest {
  private static final String TOKEN = "correct horse battery staple";

  private static ConnectionOptions options(String token, Object root) {
    return ConnectionOptions.builder().token(token).root(root).name("t").build();
  }

  @Test
  void sharedTokenOpensTheConnectionAndTheTokenNeverCrossesTheWire() throws Exception {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    RecordingChannel client = new RecordingChannel(pair.client());
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(
        () -> Connection.accept(pair.server(), options(TOKEN, "root")));
    Connection connection = Connection.connect(client, options(TOKEN, null));
    server.get(10, TimeUnit.SECONDS);
    assertThat(connection.isOpen()).isTrue();
    byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
    for (Object message : concat(client.sent, client.received)) {
      assertThat(containsBytes(message, token)).as("message %s carries the token",
          ValueCodec.brief(message)).isFalse();
    }
    assertThat(((List<?>) client.sent.get(0)).get(0)).isEqualTo("HELLO");
    connection.close();
  }

  @Test
  void wrongTokenIsRefusedOnBothSidesWithTheReason() {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(
        () -> Connection.accept(pair.server(), options(TOKEN, "root")));
    assertThatThrownBy(() -> Connection.connect(pair.client(), options("wrong", null)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("failed to prove it knows the token");
    assertThatThrownBy(server::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(AuthenticationException.class).hasMessageContaining("refused");
  }

  @Test
  void clientWithTheWrongTokenGetsBadTokenFromTheServer() throws IOException {
    // A scripted client that answers the challenge with a made-up proof.
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(
        () -> Connection.accept(pair.server(), options(TOKEN, "root")));
    pair.client().send(List.of("HELLO", 1L, new byte[32], List.of()));
    assertThat(((List<?>) pair.client().receive()).get(0)).isEqualTo("CHALLENGE");
    pair.client().send(List.of("AUTH", new byte[32], "no root", java.util.Map.of()));
    assertThat(pair.client().receive()).isEqualTo(List.of("REFUSED", "auth",
        "bad token: the client's proof does not match"));
    assertThatThrownBy(server::join).cause().isInstanceOf(AuthenticationException.class)
        .hasMessage("bad token: the client's proof does not match");
  }

  @Test
  void versionMismatchIsRefusedNamingBothVersions() throws IOException {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(
        () -> Connection.accept(pair.server(), options(TOKEN, "root")));
    pair.client().send(List.of("HELLO", 99L, new byte[32], List.of()));
    assertThat(pair.client().receive()).isEqualTo(List.of("REFUSED", "version",
        "protocol version mismatch: client speaks 99, server speaks 1"));
    assertThatThrownBy(server::join).cause().isInstanceOf(ProtocolException.class);
  }

  @Test
  void clientRefusesAServerSpeakingAnotherVersion() throws Exception {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> client = CompletableFuture.supplyAsync(
        () -> Connection.connect(pair.client(), options(TOKEN, null)));
    assertThat(((List<?>) pair.server().receive()).get(0)).isEqualTo("HELLO");
    pair.server().send(List.of("CHALLENGE", 2L, new byte[32], new byte[32], List.of()));
    assertThatThrownBy(client::join).cause().isInstanceOf(ProtocolException.class)
        .hasMessage("protocol version mismatch: client speaks 1, server speaks 2");
  }

  @Test
  void callsBeforeAuthenticationReachNothing() throws IOException {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(
        () -> Connection.accept(pair.server(), options(TOKEN, "root")));
    pair.client().send(List.of("CALL", 1L, List.of(List.of("get", List.of("Y", 1L), "x"))));
    assertThat(pair.client().receive()).isEqualTo(List.of("REFUSED", "protocol",
        "expected HELLO, got CALL before authentication"));
    assertThatThrownBy(server::join).cause().isInstanceOf(ProtocolException.class);
  }

  @Test
  void aSilentPeerTimesTheHandshakeOut() {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    ConnectionOptions quick = options(TOKEN, null).toBuilder()
        .callTimeout(java.time.Duration.ofMillis(200)).build();
    assertThatThrownBy(() -> Connection.connect(pair.client(), quick))
        .isInstanceOf(CallTimeoutException.class).hasMessageContaining("HELLO");
  }

  @Test
  void optionsRequireAToken() {
    assertThatThrownBy(() -> ConnectionOptions.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token is required");
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean containsBytes(Object message, byte[] token) {
    if (message instanceof String) {
      return ((String) message).contains(new String(token, StandardCharsets.UTF_8));
    }
    if (message instanceof byte[]) {
      return indexOf((byte[]) message, token) >= 0;
    }
    if (message instanceof List) {
      return ((List<?>) message).stream().anyMatch(m -> containsBytes(m, token));
    }
    if (message instanceof java.util.Map) {
      return ((java.util.Map<?, ?>) message).values().stream()
          .anyMatch(m -> containsBytes(m, token));
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
