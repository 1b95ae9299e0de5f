package dev.rdb.demo.seed;

import java.util.List;

/** The server's arithmetic: it trusts that some sample has a weight, which the demo's client breaks. */
final class WeightedMean {

  private WeightedMean() {}

  static long of(List<Integer> samples, Weights weights) {
    long weightedSum = 0;
    long totalWeight = 0;
    int count = samples.size();
    for (int i = 0; i < count; i++) {
      int sample = samples.get(i);
      int weight = weights.weightOf(sample);
      weightedSum += (long) sample * weight;
      totalWeight += weight;
    }
    return weightedSum / totalWeight;
  }
}
