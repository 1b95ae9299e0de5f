package dev.rdb.cli.debuggee;

import java.util.Objects;

/** Where a step takes its target or an argument from: a constant, or an earlier step's result. */
public sealed interface Operand permits Operand.Constant, Operand.Result {

  static Operand constant(Value value) {
    return new Constant(value);
  }

  static Operand result(int step) {
    return new Result(step);
  }

  /** A value known to the debugger (a literal, a local, a result computed locally). */
  record Constant(Value value) implements Operand {
    public Constant {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The result of step {@code step} of the same plan: pipelined, no extra round trip. */
  record Result(int step) implements Operand {
    public Result {
      if (step < 0) {
        throw new IllegalArgumentException("step < 0: " + step);
      }
    }
  }
}
