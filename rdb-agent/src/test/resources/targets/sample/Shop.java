package sample;

import java.util.ArrayList;
import java.util.List;

/** Application-like code that fails several calls deep. */
public final class Shop {

  private final List<Integer> prices = new ArrayList<>();

  public Shop(int... prices) {
    for (int p : prices) {
      this.prices.add(p);
    }
  }

  public int total(int discountPercent) {
    int sum = 0;
    for (int p : prices) {
      sum += p;
    }
    long scaled = (long) sum * (100 - discountPercent);
    return divide(scaled, discountPercent - 10);
  }

  static int divide(long amount, int by) {
    double ratio = amount / 100.0;
    String label = "by " + by;
    return (int) (amount / by) + label.length() + (int) ratio;
  }
}
