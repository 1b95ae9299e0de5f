package dev.rdb.demo.shop;

import java.util.Objects;

/**
 * A business customer. {@code apiKey} is the key its purchasing system uses to place orders; it
 * is a secret, which is why a debugger must redact it.
 */
record Customer(String id, String name, String email, Tier tier, String apiKey) {

  Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
  }

  /** The number in the id ({@code C-104} is 104), used to shard customers over workers. */
  int number() {
    return Integer.parseInt(id.substring(id.indexOf('-') + 1));
  }

  @Override
  public String toString() {
    return id + " " + name + " (" + tier + ")";
  }
}
