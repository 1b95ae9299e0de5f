package dev.rdb.demo.shop;

import java.util.List;
import java.util.Map;

/** The shop's fixed catalog, customers, rules and order traffic, so every run is the same. */
final class DemoData {

  /** The order whose zero-quantity line crashes the volume rebate. */
  static final long CRASHING_ORDER_ID = 1007;

  static final Product KEYBOARD =
      new Product("KB-87", "Mechanical keyboard (TKL)", Category.PERIPHERALS, Money.eur("89.00"));
  static final Product MOUSE =
      new Product("MS-02", "Wireless mouse", Category.PERIPHERALS, Money.eur("34.50"));
  static final Product WRIST_REST =
      new Product("WR-10", "Wrist rest", Category.PERIPHERALS, Money.eur("19.90"));
  static final Product MONITOR =
      new Product("MN-27", "27-inch 4K monitor", Category.DISPLAYS, Money.eur("329.00"));
  static final Product CABLE =
      new Product("CB-C2", "USB-C cable, 2 m", Category.CABLES, Money.eur("12.90"));
  static final Product SICP = new Product("BK-SICP",
      "Structure and Interpretation of Computer Programs", Category.BOOKS, Money.eur("54.00"));

  static final Customer ADA = new Customer("C-100", "Ada Lovelace", "ada@example.com",
      Tier.GOLD, "ak_live_7Hq2xV9mKc4RtB1s");
  static final Customer ALAN = new Customer("C-101", "Alan Turing", "alan@example.com",
      Tier.SILVER, "ak_live_3Zp8LwQ5nDf6YgJ0");
  static final Customer BARBARA = new Customer("C-102", "Barbara Liskov", "barbara@example.com",
      Tier.STANDARD, "ak_live_9Kd4TsE2vBn7MxHq");
  static final Customer EDSGER = new Customer("C-103", "Edsger Dijkstra", "edsger@example.com",
      Tier.SILVER, "ak_live_5Rf1GyU8cWk3PzLa");
  static final Customer GRACE = new Customer("C-104", "Grace Hopper", "grace@example.com",
      Tier.GOLD, "ak_live_2Nb6JhX0eSq9VtCm");

  private DemoData() {}

  static Catalog catalog() {
    return new Catalog(List.of(KEYBOARD, MOUSE, WRIST_REST, MONITOR, CABLE, SICP));
  }

  static DiscountCalculator discounts() {
    return new DiscountCalculator(
        List.of(new TierDiscount(), new VolumeRebate(Category.PERIPHERALS, 10, Money.eur("40.00"))),
        List.of(new Coupon("WELCOME10", cart -> cart.subtotal().percent(10)),
            new Coupon("CABLES5", cart -> Money.eur("5.00").times(
                cart.linesIn(Category.CABLES).stream().mapToInt(LineItem::quantity).sum()))));
  }

  static Inventory inventory() {
    return new Inventory(Map.of(KEYBOARD.sku(), 40, MOUSE.sku(), 60, WRIST_REST.sku(), 30,
        MONITOR.sku(), 12, CABLE.sku(), 120, SICP.sku(), 25));
  }

  static PaymentGateway paymentGateway() {
    return new PaymentGateway("https://payments.example.com/v2", "sk_live_51Hx9QeLk2vN8rT4yU");
  }

  static OrderPipeline pipeline(Inventory inventory, PaymentGateway gateway) {
    return new OrderPipeline(catalog(), discounts(), inventory, gateway);
  }

  /** The traffic of one run: normal orders, the crashing one, then more normal orders. */
  static List<Order> orders() {
    return List.of(
        order(1001, ADA, List.of(line(MONITOR, 1), line(CABLE, 2)), List.of("CABLES5")),
        order(1002, ALAN, List.of(line(SICP, 1), line(KEYBOARD, 1)), List.of("WELCOME10")),
        order(1003, BARBARA, List.of(line(MOUSE, 6), line(KEYBOARD, 4)), List.of()),
        order(1004, EDSGER, List.of(line(CABLE, 3)), List.of()),
        order(1005, ALAN, List.of(line(MOUSE, 1)), List.of()),
        order(1006, ADA, List.of(line(SICP, 2), line(WRIST_REST, 1)), List.of()),
        order(CRASHING_ORDER_ID, GRACE,
            List.of(line(KEYBOARD, 8), line(MOUSE, 4), line(WRIST_REST, 0), line(CABLE, 2)),
            List.of("WELCOME10")),
        order(1008, BARBARA, List.of(line(MONITOR, 2)), List.of()),
        order(1009, EDSGER, List.of(line(KEYBOARD, 1), line(MOUSE, 1)), List.of("WELCOME10")));
  }

  private static Order order(
      long id, Customer customer, List<LineItem> items, List<String> coupons) {
    return new Order(id, customer, items, coupons);
  }

  private static LineItem line(Product product, int quantity) {
    return LineItem.of(product, quantity);
  }
}
