package dev.rdb.agent.store;

/** Which exceptions become post-mortems without the application asking. */
public enum CaptureMode {
  /** Exceptions that kill a thread. */
  UNCAUGHT,
  /** Every exception that unwinds out of the outermost instrumented frame of its thread, and uncaught ones. */
  ALL,
  /** None: only {@code Rdb.postMortem(t)}. */
  OFF
}
