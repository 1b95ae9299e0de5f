package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Eight threads send numbered messages over one channel at once; the peer must get each one's in order. */
final class SendersOrder {
  private static final int SENDERS = 8;
  private static final int EACH = 2000;

  private SendersOrder() {}

  /** Messages carry up to {@code maxChars} characters besides their sender and number. */
  static void assertKept(StreamChannel out, StreamChannel in, int maxChars) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        long sender = s;
        sends.add(pool.submit(() -> {
          for (long i = 0; i < EACH; i++) {
            out.send(List.of(sender, i, "m".repeat((int) (i % maxChars))));
          }
          return null;
        }));
      }
      long[] next = new long[SENDERS];
      for (int n = 0; n < SENDERS * EACH; n++) {
        List<?> m = (List<?>) in.receive();
        int sender = (int) (long) (Long) m.get(0);
        assertThat((Long) m.get(1)).as("message of sender " + sender).isEqualTo(next[sender]);
        next[sender]++;
      }
      for (Future<?> f : sends) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(next).as("every message of every sender, once").containsOnly(EACH);
    } finally {
      pool.shutdownNow();
    }
  }
}
