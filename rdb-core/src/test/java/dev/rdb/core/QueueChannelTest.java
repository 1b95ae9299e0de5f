package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.core.Fixtures.Debuggee;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The network layer really is two methods: a channel written here from scratch, over two
 * {@link BlockingQueue}s, carries a whole session.
 */
class QueueChannelTest {

  /** A channel end that puts into one queue and takes from the other. */
  static final class QueueChannel implements Channel {
    private static final Object END = new Object();
    private static final Object NULL = new Object();
    private final BlockingQueue<Object> out;
    private final BlockingQueue<Object> in;
    private volatile boolean closed;

    QueueChannel(BlockingQueue<Object> out, BlockingQueue<Object> in) {
      this.out = out;
      this.in = in;
    }

    @Override
    public void send(Object message) throws IOException {
      if (closed) {
        throw new IOException("closed");
      }
      out.add(message == null ? NULL : message);
    }

    @Override
    public Object receive() throws IOException {
      try {
        Object m = in.take();
        if (m == END) {
          in.add(END);
          throw new EOFException("peer closed");
        }
        return m == NULL ? null : m;
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        out.add(END);
        in.add(END);
      }
    }
  }

  @Test
  void aChannelWrittenFromScratchCarriesAWholeSession() throws Exception {
    BlockingQueue<Object> toServer = new LinkedBlockingQueue<>();
    BlockingQueue<Object> toClient = new LinkedBlockingQueue<>();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> Connection.accept(
        new QueueChannel(toClient, toServer), ConnectionOptions.builder().token(Session.TOKEN)
            .root(new Debuggee()).policy(Fixtures.readOnlyDebuggee()).build()));
    Connection client = Connection.connect(new QueueChannel(toServer, toClient),
        ConnectionOptions.builder().token(Session.TOKEN).build());
    server.get(10, TimeUnit.SECONDS);

    RemoteRef order = (RemoteRef) client.root().get("order");
    assertThat(order.get("grade")).isEqualTo('A');
    assertThat(order.call("total")).isEqualTo(15);
    Batch b = client.batch();
    Batch.Step<Object> price = b.get(b.index(b.get(order, "items"), 1), "price");
    b.execute();
    assertThat(price.value()).isEqualTo(3);
    List<Description> d = client.describe(List.of(order), 1);
    assertThat(d.get(0).field("items").orElseThrow().description().length()).hasValue(2);
    client.close();
    assertThat(client.isOpen()).isFalse();
  }
}
