package dev.rdb.cli.debuggee;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps a target runs in one exchange, in order; a step may take earlier steps' results as its
 * target or arguments ({@link Operand.Result}). A step whose input failed fails too, with the
 * reason of the first failure. The results of the steps listed in {@code describe} come back
 * described down to {@code describeDepth}, in the same exchange, so printing a result costs no
 * second round trip.
 */
public record Plan(List<Step> steps, List<Integer> describe, int describeDepth) {
  public Plan {
    steps = List.copyOf(steps);
    describe = List.copyOf(describe);
    for (int i = 0; i < steps.size(); i++) {
      for (Operand operand : operands(steps.get(i))) {
        if (operand instanceof Operand.Result r && r.step() >= i) {
          throw new IllegalArgumentException("step " + i + " uses the result of later step " + r.step());
        }
      }
    }
    for (int index : describe) {
      if (index < 0 || index >= steps.size()) {
        throw new IllegalArgumentException("describe index out of range: " + index);
      }
    }
    if (describeDepth < 0) {
      throw new IllegalArgumentException("describeDepth < 0: " + describeDepth);
    }
  }

  /** The operands a step reads, target first. */
  public static List<Operand> operands(Step step) {
    if (step instanceof Step.GetField s) return List.of(s.target());
    if (step instanceof Step.Index s) return List.of(s.target(), s.key());
    if (step instanceof Step.Length s) return List.of(s.target());
    if (step instanceof Step.Call s) {
      var all = new ArrayList<Operand>();
      all.add(s.target());
      all.addAll(s.args());
      return all;
    }
    return List.of();
  }
}
