package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuoterTest {

  static final PriceList PRICES = new PriceList(Map.of(
      "NB-A5", new BigDecimal("12.00"),
      "PEN-1", new BigDecimal("2.50")));

  private final Quoter quoter = new Quoter(PRICES, VolumeTiers.standard(), VatTable.salesRegions());

  @Test
  void germanQuoteAddsNineteenPercentVat() {
    Quote quote = quoter.quote(Map.of("NB-A5", 4), "DE");

    assertEquals(new BigDecimal("48.00"), quote.net(), "net");
    assertEquals(new BigDecimal("9.12"), quote.vat(), "VAT at 19 %");
    assertEquals(new BigDecimal("57.12"), quote.gross(), "gross");
  }

  @Test
  void linesEarnTheirVolumeTier() {
    Quote quote = quoter.quote(new TreeMap<>(Map.of("NB-A5", 9, "PEN-1", 50)), "FR");

    assertEquals(0, quote.lines().get(0).percentOff(), "9 notebooks: below the first tier");
    assertEquals(10, quote.lines().get(1).percentOff(), "50 pens: 10 % tier");
    assertEquals(new BigDecimal("220.50"), quote.net(), "108.00 + 112.50");
  }

  @Test
  void unknownSkuIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> quoter.quote(Map.of("XX-0", 1), "DE"));

    assertEquals("no price for SKU XX-0", e.getMessage());
  }
}
