package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * HELLO and its challenge–response from both sides, with the other side's messages built from fuzzer
 * input: kinds in and out of order, versions, nonces and proofs of any length, right and wrong
 * proofs, roots and policies of any shape. A side authenticates only a peer that proved the token;
 * anything else ends in a {@code REFUSED [code, reason]} (or, for a message that is not a {@code
 * [kind, …]} list at all, a {@code GOODBYE [reason]}) and an {@link RdbException} naming why —
 * never an internal error, never a hang. Seeds in {@code
 * src/test/resources/dev/rdb/core/HandshakeFuzzTestInputs} run in every build.
 */
class HandshakeFuzzTest {
  private static final String TOKEN = "fuzzed handshake token";
  private static final byte[] TOKEN_BYTES = TOKEN.getBytes(StandardCharsets.UTF_8);
  private static final String[] KINDS = {"HELLO", "AUTH", "CHALLENGE", "WELCOME", "REFUSED",
      "CALL", "GOODBYE"};
  private static final long ANSWER_SECONDS = 10;

  private static ConnectionOptions options(String name, Object root) {
    return ConnectionOptions.builder().token(TOKEN).root(root).name(name)
        .callTimeout(Duration.ofSeconds(ANSWER_SECONDS)).build();
  }

  @FuzzTest(maxDuration = "5m")
  void serverAcceptsOnlyAClientThatProvesTheTokenAndRefusesAllElseWithAReason(FuzzedDataProvider data)
      throws Exception {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> server =
        CompletableFuture.supplyAsync(() -> Connection.accept(pair.server(), options("fuzz-server", "root")));
    MemoryChannel client = pair.client();
    byte[] clientNonce = Handshake.nonce();
    byte[] helloNonce = null;
    byte[] serverNonce = null;
    boolean proved = false;
    boolean welcomed = false;
    int messages = data.consumeInt(1, 4);
    try {
      for (int i = 0; i < messages && !welcomed; i++) {
        boolean prove = serverNonce != null && data.consumeBoolean();
        Object message = prove
            ? Arrays.asList("AUTH", Handshake.proof(TOKEN_BYTES, Handshake.CLIENT_LABEL, serverNonce, helloNonce),
                value(data, 2), policy(data))
            : message(data, clientNonce);
        try {
          client.send(message);
        } catch (IOException closed) {
          break;
        }
        Object reply = answer(client);
        if (reply == null) {
          break;
        }
        List<?> r = (List<?>) reply;
        assertThat(r.get(0)).as("reply %s", ValueCodec.brief(reply))
            .isIn("CHALLENGE", "WELCOME", "REFUSED", "GOODBYE");
        if (!"CHALLENGE".equals(r.get(0)) && !"WELCOME".equals(r.get(0))) {
          assertRefusal(r);
          break;
        }
        if ("CHALLENGE".equals(r.get(0))) {
          // The server took the nonce of the HELLO it answers, fuzzed or not.
          helloNonce = (byte[]) ((List<?>) message).get(2);
          serverNonce = (byte[]) r.get(2);
          assertThat(Handshake.matches(
              Handshake.proof(TOKEN_BYTES, Handshake.SERVER_LABEL, helloNonce, serverNonce), r.get(3)))
              .as("the server proves the token too").isTrue();
        }
        if ("WELCOME".equals(r.get(0))) {
          welcomed = true;
          proved = prove;
        }
      }
    } finally {
      client.close();
    }
    try {
      Connection accepted = server.get(ANSWER_SECONDS, TimeUnit.SECONDS);
      assertThat(proved).as("the server accepted a client that did not prove the token").isTrue();
      assertThat(accepted.stats().internalErrors()).isZero();
      accepted.close();
    } catch (ExecutionException e) {
      assertThat(welcomed).as("WELCOME sent, yet accept failed: %s", e.getCause()).isFalse();
      assertThat(e.getCause()).isInstanceOf(RdbException.class);
      assertThat(e.getCause().getMessage()).as("accept failed with a reason").isNotBlank()
          .doesNotContain("internal error");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void clientConnectsOnlyToAServerThatProvesTheTokenAndNeverProvesItselfToOneThatDoesNot(
      FuzzedDataProvider data) throws Exception {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    CompletableFuture<Connection> client =
        CompletableFuture.supplyAsync(() -> Connection.connect(pair.client(), options("fuzz-client", null)));
    MemoryChannel server = pair.server();
    boolean serverProved = false;
    boolean welcomed = false;
    try {
      List<?> hello = (List<?>) server.receive();
      assertThat(hello.get(0)).isEqualTo("HELLO");
      byte[] clientNonce = (byte[]) hello.get(2);
      byte[] serverNonce = data.consumeBoolean() ? Handshake.nonce() : data.consumeBytes(40);
      boolean prove = data.consumeBoolean();
      Object challenge = prove
          ? List.of("CHALLENGE", data.consumeBoolean() ? 1L : data.consumeLong(), serverNonce,
              Handshake.proof(TOKEN_BYTES, Handshake.SERVER_LABEL, clientNonce, serverNonce), List.of())
          : message(data, serverNonce);
      server.send(challenge);
      Object reply = answer(server);
      if (reply != null) {
        List<?> r = (List<?>) reply;
        if ("AUTH".equals(r.get(0))) {
          assertThat(prove).as("the client proved the token to a server that had not: %s",
              ValueCodec.brief(challenge)).isTrue();
          serverProved = true;
          Object welcome = data.consumeBoolean()
              ? Arrays.asList("WELCOME", value(data, 2), policy(data))
              : message(data, serverNonce);
          server.send(welcome);
          welcomed = welcome instanceof List && !((List<?>) welcome).isEmpty()
              && "WELCOME".equals(((List<?>) welcome).get(0));
          if (!welcomed) {
            // Anything but WELCOME is refused; after a WELCOME a content client stays silent.
            Object after = answer(server);
            if (after != null) {
              assertRefusal((List<?>) after);
            }
          }
        } else {
          assertRefusal(r);
        }
      }
    } catch (IOException closed) {
      // The client closed the channel: its connect() says why.
    } finally {
      server.close();
    }
    try {
      Connection connected = client.get(ANSWER_SECONDS, TimeUnit.SECONDS);
      assertThat(serverProved && welcomed).as("connected without a proved, welcoming server").isTrue();
      assertThat(connected.stats().internalErrors()).isZero();
      connected.close();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RdbException.class);
      assertThat(e.getCause().getMessage()).as("connect failed with a reason").isNotBlank()
          .doesNotContain("internal error");
    }
  }

  /** The peer's next message, or null once it closed; a side that neither answers nor closes fails. */
  private static Object answer(MemoryChannel channel) throws Exception {
    CompletableFuture<Object> next = CompletableFuture.supplyAsync(() -> {
      try {
        return channel.receive();
      } catch (EOFException closed) {
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    try {
      return next.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer and no close within " + ANSWER_SECONDS + " s", e);
    }
  }

  /** {@code REFUSED [code, reason]}, or {@code GOODBYE [reason]} for what was not a message at all. */
  private static void assertRefusal(List<?> refused) {
    if ("GOODBYE".equals(refused.get(0))) {
      assertThat(refused).as("GOODBYE [reason]").hasSize(2);
      assertThat((String) refused.get(1)).as("goodbye reason").startsWith("protocol error: ");
      return;
    }
    assertThat(refused.get(0)).as("refusal %s", ValueCodec.brief(refused)).isEqualTo("REFUSED");
    assertThat(refused).as("REFUSED [code, reason]").hasSize(3);
    assertThat(refused.get(1)).isIn("protocol", "version", "auth");
    assertThat((String) refused.get(2)).as("refusal reason").isNotBlank();
  }

  /** A handshake message, well formed or not; a few times not a list at all. */
  private static Object message(FuzzedDataProvider data, byte[] nonce) {
    int shape = data.consumeInt(0, 9);
    if (shape == 0) {
      return value(data, 2);
    }
    List<Object> m = new ArrayList<>();
    m.add(data.consumeBoolean() ? data.pickValue(KINDS) : data.consumeString(8));
    int fields = data.consumeInt(0, 5);
    for (int f = 0; f < fields; f++) {
      switch (data.consumeInt(0, 5)) {
        case 0: m.add(data.consumeBoolean() ? 1L : data.consumeLong()); break;
        case 1: m.add(data.consumeBoolean() ? nonce : data.consumeBytes(data.consumeInt(0, 80))); break;
        case 2: m.add(data.consumeBytes(32)); break;
        case 3: m.add(policy(data)); break;
        default: m.add(value(data, 2));
      }
    }
    return m;
  }

  private static Object policy(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return value(data, 2);
    }
    List<Object> rules = new ArrayList<>();
    int n = data.consumeInt(0, 3);
    for (int i = 0; i < n; i++) {
      List<Object> rule = new ArrayList<>();
      rule.add(data.consumeBoolean() ? data.consumeBoolean() : value(data, 0));
      rule.add(data.consumeBoolean() ? data.pickValue(new String[] {"READ", "WRITE", "CALL"}) : data.consumeString(6));
      rule.add(data.consumeBoolean() ? "*" : data.consumeString(10));
      rule.add(data.consumeBoolean() ? "*" : data.consumeString(10));
      rules.add(rule);
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("name", data.consumeBoolean() ? "readonly" : value(data, 0));
    policy.put("rules", rules);
    return policy;
  }

  /** Any marshallable value, nested to {@code depth}. */
  private static Object value(FuzzedDataProvider data, int depth) {
    switch (data.consumeInt(0, depth > 0 ? 8 : 5)) {
      case 0: return null;
      case 1: return data.consumeBoolean();
      case 2: return data.consumeLong();
      case 3: return data.consumeDouble();
      case 4: return data.consumeString(16);
      case 5: return data.consumeBytes(16);
      case 6: {
        List<Object> list = new ArrayList<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
          list.add(value(data, depth - 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
          map.put(data.consumeString(6), value(data, depth - 1));
        }
        return map;
      }
    }
  }
}
