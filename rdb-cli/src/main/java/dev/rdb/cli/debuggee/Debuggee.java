package dev.rdb.cli.debuggee;

import java.util.List;

/**
 * What the REPL is looking at: the post-mortems of one JVM (live, through an agent) or of one or
 * more dump files. Every method is one exchange with the target; the REPL caches what it fetched
 * per post-mortem and frame, so {@code where} and {@code locals} each cost one round trip.
 */
public interface Debuggee extends AutoCloseable {

  /** A short name for banners and errors: {@code "dump orders.json"}, {@code "127.0.0.1:7777"}. */
  String name();

  /** Whether member calls can run (false for dumps: there is no JVM behind them). */
  boolean live();

  /** Every post-mortem, oldest first. */
  List<PostMortemSummary> postMortems();

  /** One post-mortem with its exception chain and frames (innermost first), without locals. */
  PostMortem postMortem(int id);

  /**
   * The locals of one frame ({@code this}, parameters, then locals), with the objects they refer to
   * described down to {@code depth} in the same exchange.
   */
  FrameLocals locals(int postMortemId, int frameIndex, int depth);

  /** The target's threads; empty when none were recorded. */
  List<ThreadInfo> threads();

  /** Member access for expressions and rendering. */
  ObjectPort objects();

  @Override
  void close();
}
