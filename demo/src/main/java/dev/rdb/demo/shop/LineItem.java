package dev.rdb.demo.shop;

/** One line of an order or cart: {@code quantity} units of a SKU at the unit {@code price}. */
record LineItem(String sku, String name, Category category, int quantity, Money price) {

  static LineItem of(Product product, int quantity) {
    return new LineItem(
        product.sku(), product.name(), product.category(), quantity, product.price());
  }

  Money total() {
    return price.times(quantity);
  }
}
