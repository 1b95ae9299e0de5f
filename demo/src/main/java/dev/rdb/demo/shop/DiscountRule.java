package dev.rdb.demo.shop;

/** A strategy that computes one discount on a cart. */
interface DiscountRule {

  /** Names the rule in receipts and errors, e.g. {@code tier} or {@code coupon:WELCOME10}. */
  String name();

  Money discountOn(Cart cart);
}
