package com.acme.pricing;

import java.math.BigDecimal;
import java.util.Map;

/** Unit prices by SKU, net of VAT. */
public final class PriceList {

  private final Map<String, BigDecimal> unitPrices;

  public PriceList(Map<String, BigDecimal> unitPrices) {
    this.unitPrices = Map.copyOf(unitPrices);
  }

  public BigDecimal unitPrice(String sku) {
    BigDecimal price = unitPrices.get(sku);
    if (price == null) {
      throw new IllegalArgumentException("no price for SKU " + sku);
    }
    return price;
  }
}
