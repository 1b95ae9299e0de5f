package dev.rdb.demo.shop;

import java.util.List;

/** An order as a client submitted it, with the prices the customer saw. */
record Order(long id, Customer customer, List<LineItem> items, List<String> couponCodes) {

  Order {
    items = List.copyOf(items);
    couponCodes = List.copyOf(couponCodes);
  }
}
