package dev.rdb.agent.capture;

/** How much of a frame an instrumented method captures. */
public enum LocalsMode {
  /** Every local of every instrumented frame, from the first occurrence. */
  EAGER,
  /** {@code this} and parameters; a method seen in a captured exception is upgraded to every local. */
  ADAPTIVE
}
