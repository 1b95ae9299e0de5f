package dev.rdb.demo.shop;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment provider's client. The demo books charges in memory instead of calling out; the
 * {@code apiKey} is there because a real client holds one, and a debugger must not show it.
 */
final class PaymentGateway {

  /** One booked charge. */
  record Charge(String id, String customerId, Money amount) {}

  private final String endpoint;
  private final String apiKey;
  private final List<Charge> charges = new ArrayList<>();

  PaymentGateway(String endpoint, String apiKey) {
    this.endpoint = endpoint;
    this.apiKey = apiKey;
  }

  synchronized String charge(Order order, Money amount) {
    Charge charge = new Charge("ch_" + order.id(), order.customer().id(), amount);
    charges.add(charge);
    return charge.id();
  }

  synchronized List<Charge> charges() {
    return List.copyOf(charges);
  }

  @Override
  public String toString() {
    return "PaymentGateway{" + endpoint + ", key " + apiKey.substring(0, 8) + "…}";
  }
}
