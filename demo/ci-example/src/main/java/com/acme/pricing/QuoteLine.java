package com.acme.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One priced line of a quote; amounts in euros, net of VAT. */
public record QuoteLine(String sku, int quantity, BigDecimal unitPrice, int percentOff) {

  public BigDecimal net() {
    BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
    BigDecimal kept = BigDecimal.valueOf(100 - percentOff);
    return gross.multiply(kept).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
  }
}
