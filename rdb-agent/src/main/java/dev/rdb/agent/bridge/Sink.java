package dev.rdb.agent.bridge;

import java.util.List;
import java.util.Map;

/**
 * What the agent proper (in its own class loader) does with the calls that reach {@link Bridge}.
 *
 * <p>INTERNAL: public only because the agent loader implements it across loaders. Methods may throw;
 * the bridge swallows and counts. They are called on application threads while an exception unwinds,
 * so they must be quick and take no lock that application code can hold.
 */
public interface Sink {

  /** Answer of {@link #unwound}: offer this throwable's next frames too. */
  long FOLLOW = -1;
  /** Answer of {@link #unwound}: offer none of this throwable's next frames on this thread. */
  long DECLINE = 0;

  /**
   * One instrumented frame is being left by {@code thrown}; see {@link Bridge#unwound}. Answers
   * {@link #FOLLOW}, {@link #DECLINE}, or a positive number of nanoseconds: declined, and so are the
   * new throwables at the same capture site and point for that long (the point is over its rate),
   * which the bridge then skips before their locals are boxed.
   */
  long unwound(Throwable thrown, int siteId, int point, Object[] locals);

  /** {@code thread} is about to die of {@code thrown}, before any uncaught-exception handler runs. */
  void uncaught(Thread thread, Throwable thrown);

  /** The application asked for {@code thrown} to be kept as a post-mortem. */
  void postMortem(Throwable thrown);

  /**
   * Like {@link #postMortem(Throwable)}, naming the post-mortem (a failing test's name). A sink that
   * does not name post-mortems keeps it under its exception type.
   */
  default void postMortem(Throwable thrown, String name) {
    postMortem(thrown);
  }

  /** The post-mortems kept, oldest first, as plain maps (field names of {@code PostMortemView}). */
  List<Map<String, Object>> postMortems();

  /** Every counter of the agent by name. */
  Map<String, Long> counters();
}
