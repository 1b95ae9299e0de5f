package dev.rdb.demo.shop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the standing rules, then the order's coupons, and caps the sum by the customer's tier.
 * A rule that fails is reported with the order and the rule's name.
 */
final class DiscountCalculator {

  private final List<DiscountRule> standingRules;
  private final Map<String, Coupon> couponsByCode;

  DiscountCalculator(List<DiscountRule> standingRules, List<Coupon> coupons) {
    this.standingRules = List.copyOf(standingRules);
    Map<String, Coupon> byCode = new LinkedHashMap<>();
    coupons.forEach(coupon -> byCode.put(coupon.code(), coupon));
    this.couponsByCode = Map.copyOf(byCode);
  }

  boolean knowsCoupon(String code) {
    return couponsByCode.containsKey(code);
  }

  /** The discounts granted, by rule name, in the order the rules ran. */
  Map<String, Money> discountsFor(Cart cart, Order order) {
    Customer customer = order.customer();
    Tier tier = customer.tier();
    List<DiscountRule> rules = new ArrayList<>(standingRules);
    order.couponCodes().forEach(code -> rules.add(couponsByCode.get(code)));
    Map<String, Money> appliedByRule = new LinkedHashMap<>();
    rules.forEach(rule -> appliedByRule.put(rule.name(), evaluate(rule, cart, order)));
    Money cap = cart.subtotal().percent(tier.maxDiscountPercent());
    Money total = Money.sum(appliedByRule.values().stream(), cart.currency());
    if (total.amount().compareTo(cap.amount()) > 0) {
      appliedByRule.put("cap:" + tier, cap.minus(total));
    }
    return appliedByRule;
  }

  private Money evaluate(DiscountRule rule, Cart cart, Order order) {
    String ruleName = rule.name();
    try {
      return rule.discountOn(cart);
    } catch (RuntimeException e) {
      throw new OrderProcessingException(order,
          "discount rule '" + ruleName + "' failed on order #" + order.id(), e);
    }
  }
}
