package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The close semantics the class comment of {@link MemoryChannel} promises. */
class MemoryChannelTest {
  private final MemoryChannel.Pair pair = MemoryChannel.pair(2);

  @Test
  void messagesAreCopiedSoTheEndsShareNothing() throws IOException {
    List<Object> mutable = new ArrayList<>(List.of("a"));
    pair.client().send(mutable);
    mutable.add("b");
    assertThat(pair.server().receive()).isEqualTo(List.of("a"));
  }

  @Test
  void closingWakesABlockedReceiverOnTheSameEnd() throws Exception {
    CompletableFuture<Throwable> receiver = CompletableFuture.supplyAsync(() -> {
      try {
        pair.server().receive();
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    pair.server().close();
    assertThat(receiver.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
        .hasMessage("channel closed at this end");
  }

  @Test
  void peerClosingWakesABlockedReceiverWithEndOfStream() throws Exception {
    CompletableFuture<Throwable> receiver = CompletableFuture.supplyAsync(() -> {
      try {
        pair.server().receive();
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    pair.client().close();
    assertThat(receiver.get(10, TimeUnit.SECONDS)).isInstanceOf(EOFException.class)
        .hasMessage("peer closed the channel");
  }

  @Test
  void sendBlockedOnAFullQueueFailsWhenThePeerCloses() throws Exception {
    pair.client().send("1");
    pair.client().send("2");
    CompletableFuture<Throwable> sender = CompletableFuture.supplyAsync(() -> {
      try {
        pair.client().send("3");
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    pair.server().close();
    assertThat(sender.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
        .hasMessage("peer closed the channel");
  }

  @Test
  void sendAfterThePeerClosedFailsAtOnce() {
    pair.server().close();
    assertThatThrownBy(() -> pair.client().send("x")).isInstanceOf(IOException.class)
        .hasMessage("peer closed the channel");
  }

  @Test
  void messagesQueuedTowardsAClosedEndAreDropped() throws IOException {
    pair.client().send("unread");
    pair.server().close();
    assertThatThrownBy(() -> pair.server().receive()).isInstanceOf(IOException.class)
        .hasMessage("channel closed at this end");
  }
}
