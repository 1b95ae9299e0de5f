package dev.rdb.bench.agent.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Application-like code, CPU-bound, no exceptions: collections, string building and arithmetic in
 * many small methods, the shape instrumentation costs most on (locals kept alive, bigger methods).
 */
public final class AppWork implements IntUnaryOperator {

  private final Map<String, Integer> stock = new HashMap<>();

  public AppWork() {
    for (int i = 0; i < 64; i++) {
      stock.put("sku-" + i, i * 3 + 1);
    }
  }

  @Override
  public int applyAsInt(int seed) {
    List<Line> lines = order(seed);
    int total = total(lines);
    String receipt = receipt(lines, total);
    return total + receipt.length() + checksum(receipt);
  }

  private List<Line> order(int seed) {
    List<Line> lines = new ArrayList<>();
    int count = 3 + (seed & 7);
    for (int i = 0; i < count; i++) {
      String sku = "sku-" + ((seed + i * 7) & 63);
      int quantity = 1 + ((seed >>> i) & 3);
      lines.add(new Line(sku, quantity, price(sku)));
    }
    return lines;
  }

  private int price(String sku) {
    Integer inStock = stock.get(sku);
    int base = inStock == null ? 1 : inStock;
    return discount(base * 100, base % 5);
  }

  private static int discount(int cents, int percent) {
    long scaled = (long) cents * (100 - percent);
    return (int) (scaled / 100);
  }

  private static int total(List<Line> lines) {
    int sum = 0;
    for (Line line : lines) {
      sum += line.amount();
    }
    return tax(sum);
  }

  private static int tax(int net) {
    double rate = net > 10_000 ? 0.2 : 0.1;
    return net + (int) Math.round(net * rate);
  }

  private static String receipt(List<Line> lines, int total) {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      out.append(line.sku()).append(" x").append(line.quantity()).append(' ').append(line.amount()).append('\n');
    }
    return out.append("total ").append(total).toString();
  }

  private static int checksum(String text) {
    int h = 7;
    for (int i = 0; i < text.length(); i++) {
      h = h * 31 + text.charAt(i);
    }
    return h & 0xFF;
  }

  private record Line(String sku, int quantity, int unitPrice) {
    int amount() {
      return quantity * unitPrice;
    }
  }
}
