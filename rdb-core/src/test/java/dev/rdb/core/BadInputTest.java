package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input gets an error reply or a closed connection with a reason. */
class BadInputTest {
  private final ScriptedPeer peer = ScriptedPeer.connect(ConnectionOptions.builder()
      .token(Session.TOKEN).root(new Fixtures.Debuggee()).policy(Fixtures.readOnlyDebuggee())
      .name("server").build());

  @AfterEach
  void close() {
    peer.close();
  }

  private List<?> root() {
    return List.of("Y", peer.rootId());
  }

  private static String errorOf(List<?> reply, int step) {
    assertThat(reply.get(0)).as("reply kind of %s", reply).isEqualTo("REPLY");
    List<?> result = (List<?>) ((List<?>) reply.get(2)).get(step);
    assertThat(result.get(0)).as("result %s is an error", result).isEqualTo("!");
    return result.get(1) + ": " + result.get(2);
  }

  @Test
  void unknownOperationGetsAnErrorReplyAndTheConnectionStaysOpen() throws IOException {
    List<?> reply = peer.call(1, List.of(List.of("explode", root())));
    assertThat(errorOf(reply, 0)).isEqualTo("invalid: unknown operation 'explode'");
    assertThat(peer.server.isOpen()).isTrue();
    assertThat(peer.call(2, List.of(List.of("get", root(), "order"))).get(0)).isEqualTo("REPLY");
  }

  @Test
  void neverExportedIdsGetAnErrorReply() throws IOException {
    List<?> reply = peer.call(1, List.of(List.of("get", List.of("Y", 999L), "x")));
    assertThat(errorOf(reply, 0)).contains("no object with id 999 is exported");
  }

  @Test
  void wrongOperandTypesGetAnErrorReply() throws IOException {
    assertThat(errorOf(peer.call(1, List.of(List.of("get", root(), 42L))), 0))
        .contains("must be a String");
    assertThat(errorOf(peer.call(2, List.of(List.of("slice", root(), "a", 3L))), 0))
        .contains("must be a Long");
    assertThat(errorOf(peer.call(3, List.of(List.of("get", List.of("Q", 1L), "x"))), 0))
        .contains("unknown value tag 'Q'");
    assertThat(errorOf(peer.call(4, List.of(List.of("get", List.of("I", 1L << 40), "x"))), 0))
        .contains("out of range");
    assertThat(errorOf(peer.call(5, List.of("not an op")), 0)).contains("is not an [operation");
    assertThat(errorOf(peer.call(6, List.of(List.of("get", List.of("P", 0L), "x"))), 0))
        .contains("does not come before it");
  }

  @Test
  void wrongArgumentTypesForAMethodGetAnErrorReply() throws IOException {
    List<?> reply = peer.call(1, List.of(java.util.Arrays.asList("call", root(), "frames",
        List.of("extra"), null)));
    assertThat(errorOf(reply, 0)).contains("no overload of 'frames'").contains("accepts (String)");
  }

  @Test
  void callWhoseOperationsAreNotAListGetsFail() throws IOException {
    assertThat(peer.call(7, "nonsense"))
        .isEqualTo(List.of("FAIL", 7L, "protocol", "CALL operations must be a list"));
  }

  @Test
  void unknownMessageKindClosesTheConnectionSayingWhy() throws IOException {
    peer.send(List.of("DANCE"));
    assertThat(peer.receiveSkippingReleases())
        .isEqualTo(List.of("GOODBYE", "protocol error: unknown message kind 'DANCE'"));
    assertThat(peer.server.closeReason().orElseThrow().getMessage())
        .isEqualTo("connection closed by this end: protocol error: unknown message kind 'DANCE'");
    try {
      peer.channel.receive();
    } catch (EOFException expected) {
      return;
    }
    throw new AssertionError("expected the server to close the channel");
  }

  @Test
  void aMessageThatIsNotAListClosesTheConnection() throws IOException {
    peer.send("hello?");
    assertThat(peer.receiveSkippingReleases()).isEqualTo(List.of("GOODBYE",
        "protocol error: message is not a [kind, …] list: hello?"));
  }

  @Test
  void releasingUnknownIdsIsHarmless() throws IOException {
    peer.send(List.of("RELEASE", List.of(12345L, 1L, peer.rootId(), 0L)));
    assertThat(peer.call(1, List.of(List.of("get", root(), "order"))).get(0)).isEqualTo("REPLY");
  }

  @Test
  void oneBadConnectionDoesNotDisturbTheOthers() throws IOException {
    Fixtures.Debuggee shared = new Fixtures.Debuggee();
    ConnectionOptions options = ConnectionOptions.builder().token(Session.TOKEN).root(shared)
        .policy(Fixtures.readOnlyDebuggee()).build();
    try (ScriptedPeer bad = ScriptedPeer.connect(options);
        Session good = Session.open(options, ConnectionOptions.builder().token(Session.TOKEN)
            .build())) {
      bad.send(List.of("DANCE"));
      bad.receiveSkippingReleases();
      assertThat(bad.server.isOpen()).isFalse();
      assertThat(((RemoteRef) good.client().root().get("order")).get("id")).isEqualTo(1L);
      assertThat(good.server().stats().internalErrors()).isZero();
    }
  }
}
