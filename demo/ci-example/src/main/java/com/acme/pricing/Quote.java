package com.acme.pricing;

import java.math.BigDecimal;
import java.util.List;

/** A priced basket for one sales region. */
public record Quote(String region, List<QuoteLine> lines, BigDecimal net, BigDecimal vat,
    BigDecimal gross) {

  public Quote {
    lines = List.copyOf(lines);
  }
}
