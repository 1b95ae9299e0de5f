package faults;

import java.util.List;

/** Application code the agent instruments. */
final class Shop {

  record Line(String name, int price, List<String> tags) {}

  record Order(int id, String customer, List<Line> lines) {}

  long settle(Order order, long[] ledger) {
    int total = 0;
    for (Line l : order.lines()) {
      total += l.price();
    }
    String label = order.customer() + " owes " + total;
    int by = ledger.length - ledger.length;
    return total / by + label.length();
  }

  static long step(long i) {
    long x = i * 31 + (i >>> 3);
    String what = "step " + (x & 7);
    if (i % 64 == 0) {
      throw new IllegalStateException(what);
    }
    return x + what.length();
  }
}
