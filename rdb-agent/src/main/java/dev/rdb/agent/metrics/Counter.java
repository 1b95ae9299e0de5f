package dev.rdb.agent.metrics;

/** Everything the agent counts instead of printing. Names are what the debuggee's {@code counters()} shows. */
public enum Counter {
  /** Classes offered to the transformer that matched the includes. */
  CLASSES_SEEN("classesSeen"),
  /** Classes written back with at least one instrumented method. */
  CLASSES_TRANSFORMED("classesTransformed"),
  /** Methods given a catch-all handler. */
  METHODS_INSTRUMENTED("methodsInstrumented"),
  /** Methods left alone because no instruction in them can throw. */
  METHODS_CANNOT_THROW("methodsCannotThrow"),
  /** Methods left alone because they use JSR/RET (class files before Java 6). */
  METHODS_WITH_SUBROUTINES("methodsWithSubroutines"),
  /** Methods left alone because rewriting would pass a JVM limit. */
  METHOD_TOO_LARGE("methodTooLarge"),
  /** Methods left alone because a step could not handle their shape (counted with the reason kept). */
  METHODS_FAILED("methodsFailed"),
  /** Slots whose local-variable table could not be trusted, so they were not split. */
  SLOTS_NOT_SPLIT("slotsNotSplit"),
  /** Classes that failed to transform and loaded unchanged. */
  TRANSFORM_FAILED("transformFailed"),
  /** Classes retransformed to capture every local ({@code locals=adaptive}). */
  CLASSES_RETRANSFORMED("classesRetransformed"),
  /** Retransformations that failed. */
  RETRANSFORM_FAILED("retransformFailed"),
  /** Frames recorded while an exception unwound. */
  FRAMES_CAPTURED("framesCaptured"),
  /** Exceptions not recorded because their throw site passed its rate. */
  RATE_LIMITED("rateLimited"),
  /** Pending captures dropped for count or age before they were promoted. */
  STORE_EVICTED("storeEvicted"),
  /** Post-mortems kept. */
  POST_MORTEMS("postMortems"),
  /** Post-mortems pushed out of the ring by newer ones. */
  POST_MORTEMS_DROPPED("postMortemsDropped"),
  /** Promotions of a throwable that was already a post-mortem (or a cause of one). */
  ALREADY_PROMOTED("alreadyPromoted"),
  /** Errors inside the store or the sink, swallowed. */
  STORE_ERROR("storeError"),
  /**
   * Calls into application code the store cannot avoid at promotion ({@code getMessage},
   * {@code getCause}, {@code getStackTrace} of a throwable subclass, a thread's {@code toString})
   * that threw: the post-mortem is kept without that part.
   */
  APPLICATION_CODE_THREW("applicationCodeThrew"),
  /** Failures to hook {@code java.lang.Thread} for uncaught exceptions. */
  UNCAUGHT_HOOK_FAILED("uncaughtHookFailed");

  private final String key;

  Counter(String key) {
    this.key = key;
  }

  /** The name shown to users. */
  public String key() {
    return key;
  }
}
