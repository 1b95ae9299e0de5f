package dev.rdb.demo.seed;

import dev.rdb.agent.Rdb;
import java.util.List;
import java.util.Map;

/**
 * The server's root object: a {@link Scorer}, and the hook that turns a throwable a client holds by
 * reference into a post-mortem of this JVM's rdb agent ({@link Rdb#postMortem(Throwable)}).
 */
public final class ScoringService implements Scorer {

  @Override
  public long score(int base, List<Integer> samples, Weights weights) {
    long mean = WeightedMean.of(samples, weights);
    return base + mean;
  }

  /**
   * Keeps {@code thrown} (a throwable of this JVM, which the client passes back by reference) as a
   * post-mortem of the rdb agent, with the locals of every frame it unwound through; returns the
   * post-mortem's id, or -1 when this JVM runs without the agent.
   */
  public int keepPostMortem(Throwable thrown) {
    Rdb.postMortem(thrown);
    for (Map<String, Object> postMortem : Rdb.postMortems()) {
      if (postMortem.get("throwable") == thrown) {
        return ((Number) postMortem.get("id")).intValue();
      }
    }
    return -1;
  }
}
