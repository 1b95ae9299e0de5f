package dev.rdb.agent.capture;

import dev.rdb.agent.metrics.Counter;

/** A method the transformer leaves as it was, and the counter that says why. */
final class UnsupportedMethodException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Counter counter;

  UnsupportedMethodException(Counter counter, String message) {
    super(message, null, false, false);
    this.counter = counter;
  }

  Counter counter() {
    return counter;
  }
}
