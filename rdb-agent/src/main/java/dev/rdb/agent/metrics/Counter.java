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
  /**
   * Application code the store calls on a throwable ({@code getMessage}, {@code getCause},
   * {@code getStackTrace}) threw; the post-mortem keeps what could be read.
   */
  STORE_ERROR("storeError"),
  /**
   * Calls into application code the store cannot avoid at promotion ({@code getMessage},
   * {@code getCause}, {@code getStackTrace} of a throwable subclass, a thread's {@code toString})
   * that threw: the post-mortem is kept without that part.
   */
  APPLICATION_CODE_THREW("applicationCodeThrew"),
  /** Failures to hook {@code java.lang.Thread} for uncaught exceptions. */
  UNCAUGHT_HOOK_FAILED("uncaughtHookFailed"),
  /** Classes loaded before an injected agent started and left alone: compiled with
   *  {@code -parameters}, which retransformation would lose on JDK < 19 (JDK-8240908). */
  LOADED_CLASSES_SKIPPED("loadedClassesSkipped"),
  /** Sockets the listener accepted. */
  CLIENTS_ACCEPTED("clientsAccepted"),
  /** Sockets closed on accept because the listener had its maximum of clients. */
  CLIENTS_REFUSED("clientsRefused"),
  /** Clients that failed TLS or HELLO (wrong token, garbage, timeout). */
  HANDSHAKES_FAILED("handshakesFailed"),
  /** Clients disconnected because they stopped reading what the agent sent. */
  CLIENTS_STALLED("clientsStalled"),
  /** Unexpected errors in the listener, swallowed. */
  SERVE_ERROR("serveError"),
  /** Dump files written ({@code dump=DIR}), one per post-mortem (its .json and .txt). */
  DUMPS_WRITTEN("dumpsWritten"),
  /** Dumps that could not be written (unwritable directory, disk full, …). */
  DUMP_FAILED("dumpFailed"),
  /** Post-mortems the dump thread could not take in time; written at exit if still kept. */
  DUMPS_DEFERRED("dumpsDeferred"),
  /** Values a dump could not read (a field or collection that failed), written as not recorded. */
  DUMP_VALUE_UNREADABLE("dumpValueUnreadable");

  private final String key;

  Counter(String key) {
    this.key = key;
  }

  /** The name shown to users. */
  public String key() {
    return key;
  }
}
