package dev.rdb.demo.shop;

import java.util.Map;

/**
 * Validate, reprice, discount, reserve stock, charge. Stateless apart from its collaborators, so
 * one pipeline serves all workers.
 */
final class OrderPipeline {

  private final Catalog catalog;
  private final DiscountCalculator discounts;
  private final Inventory inventory;
  private final PaymentGateway gateway;

  OrderPipeline(Catalog catalog, DiscountCalculator discounts, Inventory inventory,
      PaymentGateway gateway) {
    this.catalog = catalog;
    this.discounts = discounts;
    this.inventory = inventory;
    this.gateway = gateway;
  }

  Receipt process(Order order) {
    long startNanos = System.nanoTime();
    Customer customer = order.customer();
    validate(order);
    Cart cart = catalog.reprice(order);
    Map<String, Money> discountsByRule = discounts.discountsFor(cart, order);
    Money discount = Money.sum(discountsByRule.values().stream(), cart.currency());
    Money charged = cart.subtotal().minus(discount);
    inventory.reserve(cart.lines());
    String chargeId = gateway.charge(order, charged);
    long elapsedMicros = (System.nanoTime() - startNanos) / 1_000;
    return new Receipt(order.id(), customer, cart.lines().size(), cart.subtotal(), discount,
        charged, chargeId, elapsedMicros);
  }

  private void validate(Order order) {
    if (order.items().isEmpty()) {
      throw new OrderProcessingException(order, "order #" + order.id() + " has no items", null);
    }
    for (LineItem item : order.items()) {
      // Zero passes on purpose: clients send quantity 0 for a line the customer removed, and this
      // is the defect the demo's crash is about (the check should be "< 1").
      if (item.quantity() < 0) {
        throw new OrderProcessingException(order,
            "negative quantity " + item.quantity() + " of " + item.sku(), null);
      }
    }
    for (String code : order.couponCodes()) {
      if (!discounts.knowsCoupon(code)) {
        throw new OrderProcessingException(order, "unknown coupon " + code, null);
      }
    }
  }
}
