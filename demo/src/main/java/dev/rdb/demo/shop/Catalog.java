package dev.rdb.demo.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The products on sale, by SKU. Immutable. */
final class Catalog {

  private final Map<String, Product> productsBySku;

  Catalog(List<Product> products) {
    Map<String, Product> bySku = new LinkedHashMap<>();
    for (Product product : products) {
      if (bySku.put(product.sku(), product) != null) {
        throw new IllegalArgumentException("duplicate SKU: " + product.sku());
      }
    }
    this.productsBySku = Map.copyOf(bySku);
  }

  Product product(String sku) {
    Product product = productsBySku.get(sku);
    if (product == null) {
      throw new IllegalArgumentException("unknown SKU: " + sku);
    }
    return product;
  }

  /** The order's lines at today's catalog prices: clients may have shown stale ones. */
  Cart reprice(Order order) {
    List<LineItem> lines = order.items().stream()
        .map(item -> LineItem.of(product(item.sku()), item.quantity()))
        .toList();
    return new Cart(order.customer(), lines, Money.EUR);
  }
}
