package dev.rdb.demo.shop;

/** The customer's standing loyalty discount: a percentage of the subtotal set by the tier. */
final class TierDiscount implements DiscountRule {

  @Override
  public String name() {
    return "tier";
  }

  @Override
  public Money discountOn(Cart cart) {
    return cart.subtotal().percent(cart.customer().tier().discountPercent());
  }
}
