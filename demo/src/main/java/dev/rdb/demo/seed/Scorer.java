package dev.rdb.demo.seed;

import java.util.List;

/** What the server exports: the client only knows this interface, never the server's classes. */
public interface Scorer {

  /**
   * {@code base} plus the mean of {@code samples} weighted by {@code weights}, which the server asks
   * the caller for, sample by sample (the call comes back to the client).
   */
  long score(int base, List<Integer> samples, Weights weights);
}
