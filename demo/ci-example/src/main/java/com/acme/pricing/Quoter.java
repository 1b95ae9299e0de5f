package com.acme.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prices a basket (quantity by SKU) for a sales region. */
public final class Quoter {

  private final PriceList prices;
  private final VolumeTiers tiers;
  private final VatTable vat;

  public Quoter(PriceList prices, VolumeTiers tiers, VatTable vat) {
    this.prices = prices;
    this.tiers = tiers;
    this.vat = vat;
  }

  public Quote quote(Map<String, Integer> basket, String region) {
    List<QuoteLine> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> item : basket.entrySet()) {
      int quantity = item.getValue();
      lines.add(new QuoteLine(item.getKey(), quantity, prices.unitPrice(item.getKey()),
          tiers.percentOff(quantity)));
    }
    BigDecimal net = lines.stream().map(QuoteLine::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vatAmount = vatOn(net, region);
    return new Quote(region, lines, net, vatAmount, net.add(vatAmount));
  }

  private BigDecimal vatOn(BigDecimal net, String region) {
    BigDecimal rate = vat.rateFor(region);
    return net.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
  }
}
