package dev.rdb.demo.shop;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order repriced at current catalog prices, which the discount rules work on. Rules that
 * grant a rebate per unit book it in {@code unitRebates} (by SKU) so the invoice can show net unit
 * prices. Confined to the worker thread that processes the order.
 */
final class Cart {

  private final Customer customer;
  private final List<LineItem> lines;
  private final Currency currency;
  private final Map<String, Money> unitRebates = new LinkedHashMap<>();

  Cart(Customer customer, List<LineItem> lines, Currency currency) {
    this.customer = customer;
    this.lines = List.copyOf(lines);
    this.currency = currency;
  }

  Customer customer() {
    return customer;
  }

  List<LineItem> lines() {
    return lines;
  }

  Currency currency() {
    return currency;
  }

  Money subtotal() {
    return Money.sum(lines.stream().map(LineItem::total), currency);
  }

  List<LineItem> linesIn(Category category) {
    return lines.stream().filter(line -> line.category() == category).toList();
  }

  void bookUnitRebate(String sku, Money perUnit) {
    unitRebates.merge(sku, perUnit, Money::plus);
  }

  Map<String, Money> unitRebates() {
    return Map.copyOf(unitRebates);
  }

  @Override
  public String toString() {
    return "Cart{" + customer.id() + ", " + lines.size() + " lines, subtotal " + subtotal() + "}";
  }
}
