package dev.rdb.agent.faults;

import dev.rdb.core.Batch;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.StreamChannel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * A debugger in its own JVM, to be killed: {@code GreedyClient PORT TOKEN} attaches, then four
 * threads keep batches in flight (a 65,536-element slice of the crash's ledger and a deep describe
 * of its order) and the first completed one prints {@code in flight}. It never ends by itself.
 */
public final class GreedyClient {

  private GreedyClient() {}

  public static void main(String[] args) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 5000);
    Connection c = Connection.connect(StreamChannel.over(socket),
        ConnectionOptions.builder().token(args[1]).name("greedy").build());
    RemoteRef order = (RemoteRef) CrashLocals.value(c, "order");
    RemoteRef ledger = (RemoteRef) CrashLocals.value(c, "ledger");
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        while (true) {
          Batch b = c.batch();
          b.slice(ledger, 0, 65536);
          b.describe(List.of(order), 6);
          b.execute();
          System.out.println("in flight");
        }
      }, "greedy-" + i);
      t.start();
    }
  }
}
