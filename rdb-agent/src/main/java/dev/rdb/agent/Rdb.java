package dev.rdb.agent;

import dev.rdb.agent.bridge.Bridge;
import java.util.List;
import java.util.Map;

/**
 * What an application may call on the rdb agent. Compile against {@code rdb-agent.jar}; without the
 * agent every method does nothing (and reads return empty), so the call can stay in production code.
 *
 * <p>This class and the bridge are the only agent classes an application sees: when the agent runs,
 * they are loaded from the bootstrap class path, the rest of the agent lives in its own loader.
 */
public final class Rdb {

  private Rdb() {}

  /**
   * Keeps {@code thrown} as a post-mortem, with the locals of every instrumented frame it unwound
   * through, whatever the agent's {@code capture=} option says. Use it where the application catches
   * an exception it will not rethrow (a request handler that answers 500, a job runner).
   */
  public static void postMortem(Throwable thrown) {
    Bridge.postMortem(thrown);
  }

  /**
   * Like {@link #postMortem(Throwable)}, under {@code name} instead of the exception type: what a test
   * runner integration passes for a failing test. A throwable kept already is renamed.
   */
  public static void postMortem(Throwable thrown, String name) {
    Bridge.postMortem(thrown, name);
  }

  /** True when an rdb agent runs in this JVM. */
  public static boolean active() {
    return Bridge.active();
  }

  /**
   * The post-mortems kept, oldest first, each a map with the fields of {@code PostMortemView}
   * ({@code id, time, thread, name, exceptionType, message, throwable, frames}); each frame a map with
   * the fields of {@code FrameView}, each local one of {@code LocalView}. Values are the live objects.
   */
  public static List<Map<String, Object>> postMortems() {
    return Bridge.postMortems();
  }

  /** The agent's counters by name ({@code transformFailed}, {@code methodTooLarge}, {@code bridgeError}, …). */
  public static Map<String, Long> counters() {
    return Bridge.counters();
  }
}
