package dev.rdb.demo.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units on hand per SKU. Workers reserve, the restocker tops up to par; all access is
 * synchronized so a reservation of several lines is all-or-nothing.
 */
final class Inventory {

  private final Map<String, Integer> parLevels;
  private final Map<String, Integer> onHand;

  Inventory(Map<String, Integer> parLevels) {
    this.parLevels = Map.copyOf(parLevels);
    this.onHand = new LinkedHashMap<>(parLevels);
  }

  synchronized void reserve(List<LineItem> lines) {
    for (LineItem line : lines) {
      int available = onHand.getOrDefault(line.sku(), 0);
      if (available < line.quantity()) {
        throw new IllegalStateException("out of stock: " + line.sku() + " wants "
            + line.quantity() + ", " + available + " on hand");
      }
    }
    lines.forEach(line -> onHand.merge(line.sku(), -line.quantity(), Integer::sum));
  }

  /** Tops every SKU up to its par level; returns the units added. */
  synchronized int restock() {
    int added = 0;
    for (Map.Entry<String, Integer> par : parLevels.entrySet()) {
      int missing = par.getValue() - onHand.getOrDefault(par.getKey(), 0);
      if (missing > 0) {
        onHand.put(par.getKey(), par.getValue());
        added += missing;
      }
    }
    return added;
  }

  synchronized int onHand(String sku) {
    return onHand.getOrDefault(sku, 0);
  }
}
