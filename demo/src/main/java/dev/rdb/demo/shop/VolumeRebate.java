package dev.rdb.demo.shop;

import java.util.List;

/**
 * "Buy at least {@code threshold} units of a category, get {@code rebate} off." The rebate is
 * allocated over the category's lines by value and booked per unit on the cart, so invoices show
 * net unit prices.
 */
final class VolumeRebate implements DiscountRule {

  private final Category category;
  private final int threshold;
  private final Money rebate;

  VolumeRebate(Category category, int threshold, Money rebate) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold < 1: " + threshold);
    }
    this.category = category;
    this.threshold = threshold;
    this.rebate = rebate;
  }

  @Override
  public String name() {
    return "volume-rebate:" + category;
  }

  @Override
  public Money discountOn(Cart cart) {
    List<LineItem> eligible = cart.linesIn(category);
    int units = eligible.stream().mapToInt(LineItem::quantity).sum();
    boolean qualifies = units >= threshold;
    if (!qualifies) {
      return Money.zero(cart.currency());
    }
    Money eligibleTotal = Money.sum(eligible.stream().map(LineItem::total), cart.currency());
    eligible.forEach(line -> cart.bookUnitRebate(line.sku(), perUnitShare(line, eligibleTotal)));
    return rebate;
  }

  private Money perUnitShare(LineItem line, Money eligibleTotal) {
    Money share = rebate.proportion(line.total(), eligibleTotal);
    int quantity = line.quantity();
    return share.dividedBy(quantity);
  }
}
