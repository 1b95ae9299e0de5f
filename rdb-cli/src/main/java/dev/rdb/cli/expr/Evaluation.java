package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.Value;
import java.util.Objects;

/**
 * The value of an expression, the descriptions fetched with it (so it can be printed without a
 * second exchange), and how many exchanges with the target it took.
 */
public record Evaluation(Value value, ObjectGraph graph, int roundTrips) {
  public Evaluation {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(graph, "graph");
  }
}
