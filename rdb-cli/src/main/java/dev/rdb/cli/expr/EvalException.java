package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.StepResult;

/** Evaluation failed; the message is one line naming the sub-expression that failed and why. */
public final class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient StepResult.Failure failure;

  EvalException(String message, StepResult.Failure failure) {
    super(message);
    this.failure = failure;
  }

  /** Why the target refused, or null for errors the evaluator found itself (types, null). */
  public StepResult.Failure failure() {
    return failure;
  }
}
