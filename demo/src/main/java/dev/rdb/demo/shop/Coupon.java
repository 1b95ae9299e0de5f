package dev.rdb.demo.shop;

import java.util.function.Function;

/** A coupon code whose discount is a function of the cart (usually a lambda). */
record Coupon(String code, Function<Cart, Money> discount) implements DiscountRule {

  @Override
  public String name() {
    return "coupon:" + code;
  }

  @Override
  public Money discountOn(Cart cart) {
    return discount.apply(cart);
  }
}
