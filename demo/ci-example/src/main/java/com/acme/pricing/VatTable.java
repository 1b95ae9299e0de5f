package com.acme.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeSet;

/** VAT rate per sales region (ISO country code). */
public final class VatTable {

  private final Map<String, BigDecimal> ratesByRegion;

  public VatTable(Map<String, BigDecimal> ratesByRegion) {
    this.ratesByRegion = Map.copyOf(ratesByRegion);
  }

  /** The regions acme sells to. */
  public static VatTable salesRegions() {
    return new VatTable(Map.of(
        "DE", new BigDecimal("0.19"),
        "FR", new BigDecimal("0.20"),
        "NL", new BigDecimal("0.21")));
  }

  public BigDecimal rateFor(String region) {
    BigDecimal rate = ratesByRegion.get(region);
    if (rate == null) {
      throw new IllegalArgumentException(
          "no VAT rate for region " + region + "; known: " + new TreeSet<>(ratesByRegion.keySet()));
    }
    return rate;
  }
}
