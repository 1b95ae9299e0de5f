package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VolumeTiersTest {

  private final VolumeTiers tiers = VolumeTiers.standard();

  @Test
  void tierStartsAtItsMinimumQuantity() {
    assertEquals(0, tiers.percentOff(9));
    assertEquals(5, tiers.percentOff(10));
    assertEquals(5, tiers.percentOff(49));
    assertEquals(10, tiers.percentOff(50));
  }
}
