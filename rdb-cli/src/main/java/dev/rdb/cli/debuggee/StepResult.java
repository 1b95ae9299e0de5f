package dev.rdb.cli.debuggee;

import java.util.Objects;

/** What one step of a plan produced. */
public sealed interface StepResult permits StepResult.Done, StepResult.Failed {

  /** The step produced a value. */
  record Done(Value value) implements StepResult {
    public Done {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The step failed; {@code message} is one line meant for the user. */
  record Failed(Failure failure, String message) implements StepResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a step failed: lets the evaluator and the scripting output tell the cases apart. */
  enum Failure {
    /** No such field, method, element or class. */
    NO_SUCH_MEMBER,
    /** The value was not recorded (dump depth, width or budget limit). */
    NOT_RECORDED,
    /** A method call on a target that has no live JVM behind it. */
    NEEDS_LIVE_AGENT,
    /** The agent's policy refused the operation (read-only by default). */
    REFUSED_BY_POLICY,
    /** The operation does not apply to the value (field of null, index of a non-list, …). */
    BAD_OPERAND,
    /** The invoked method threw in the target. */
    THREW,
    /** An input step of this step failed. */
    INPUT_FAILED
  }
}
