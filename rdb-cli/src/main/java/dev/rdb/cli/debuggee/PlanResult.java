package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/** The results of a {@link Plan}, one per step, and the descriptions it asked for. */
public record PlanResult(List<StepResult> results, ObjectGraph graph) {
  public PlanResult {
    results = List.copyOf(results);
    Objects.requireNonNull(graph, "graph");
  }
}
