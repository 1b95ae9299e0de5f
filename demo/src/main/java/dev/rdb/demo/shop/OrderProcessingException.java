package dev.rdb.demo.shop;

/** An order could not be processed; the cause says why, the fields say which order. */
final class OrderProcessingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long orderId;
  private final String customerId;

  OrderProcessingException(Order order, String message, Throwable cause) {
    super(message + " (customer " + order.customer().id() + ")", cause);
    this.orderId = order.id();
    this.customerId = order.customer().id();
  }

  long orderId() {
    return orderId;
  }

  String customerId() {
    return customerId;
  }
}
