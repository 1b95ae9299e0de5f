package com.acme.pricing;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Percent off a line by its quantity: the tier with the largest minimum quantity not above it. */
public final class VolumeTiers {

  private final NavigableMap<Integer, Integer> percentOffFromQuantity;

  public VolumeTiers(Map<Integer, Integer> percentOffFromQuantity) {
    this.percentOffFromQuantity = new TreeMap<>(percentOffFromQuantity);
  }

  /** 5 % off from 10 units, 10 % off from 50. */
  public static VolumeTiers standard() {
    return new VolumeTiers(Map.of(10, 5, 50, 10));
  }

  public int percentOff(int quantity) {
    Map.Entry<Integer, Integer> tier = percentOffFromQuantity.floorEntry(quantity);
    return tier == null ? 0 : tier.getValue();
  }
}
