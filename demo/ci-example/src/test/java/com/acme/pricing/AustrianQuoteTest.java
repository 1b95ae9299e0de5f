package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fails on purpose, and only under {@code -Prdb-failing}: Austria was added as a sales region but
 * not to {@link VatTable#salesRegions()}, so the quote throws three frames below this test. Run
 * with the rdb agent, the dump shows the basket, the net amount and the known regions.
 */
@EnabledIfSystemProperty(named = "rdb.failing", matches = "true")
class AustrianQuoteTest {

  private final Quoter quoter =
      new Quoter(QuoterTest.PRICES, VolumeTiers.standard(), VatTable.salesRegions());

  @Test
  void austrianQuoteChargesTwentyPercentVat() {
    Map<String, Integer> basket = new TreeMap<>(Map.of("NB-A5", 12, "PEN-1", 50));
    String region = "AT";

    Quote quote = quoter.quote(basket, region);

    assertEquals(new BigDecimal("49.86"), quote.vat(), "VAT at 20 % of 136.80 + 112.50");
  }
}
