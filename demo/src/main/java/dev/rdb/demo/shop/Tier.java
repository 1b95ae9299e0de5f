package dev.rdb.demo.shop;

/** Loyalty tier of a customer: its standing discount and the cap on all discounts of one order. */
enum Tier {
  STANDARD(0, 10),
  SILVER(3, 15),
  GOLD(5, 20);

  private final int discountPercent;
  private final int maxDiscountPercent;

  Tier(int discountPercent, int maxDiscountPercent) {
    this.discountPercent = discountPercent;
    this.maxDiscountPercent = maxDiscountPercent;
  }

  int discountPercent() {
    return discountPercent;
  }

  int maxDiscountPercent() {
    return maxDiscountPercent;
  }
}
