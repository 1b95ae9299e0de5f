package dev.rdb.core;

import java.time.Duration;

/**
 * A call got no reply within its timeout. The connection stays open; the remote side may still be
 * running the call, and its late reply is dropped.
 */
public final class CallTimeoutException extends RdbException {
  private static final long serialVersionUID = 1L;
  private final transient Duration timeout;

  CallTimeoutException(String what, Duration timeout) {
    super(what + " got no reply within " + timeout.toMillis() + " ms", null);
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }
}
