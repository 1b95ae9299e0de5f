package dev.rdb.demo.shop;

/** The outcome of one processed order. */
record Receipt(long orderId, Customer customer, int lineCount, Money subtotal, Money discount,
    Money charged, String chargeId, long elapsedMicros) {

  @Override
  public String toString() {
    return "order #" + orderId + " " + customer + ": " + lineCount
        + (lineCount == 1 ? " line" : " lines") + ", subtotal " + subtotal
        + ", discount " + discount + ", charged " + charged + " (" + chargeId + ")";
  }
}
