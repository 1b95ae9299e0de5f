package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Optional;

/**
 * Member access on the objects of a target. Each method is one exchange with the target: a live
 * implementation sends one rdb-core {@code Batch} per call (plan steps become batch steps, pipelined
 * on earlier results; describes ride in the same batch); a dump answers from memory.
 *
 * <p>Implementations never throw for a failing step: the failure is that step's
 * {@link StepResult.Failed}. They throw {@link TargetException} only when the whole exchange failed
 * (connection lost, timeout, cancelled).
 */
public interface ObjectPort {

  /** Runs every step of {@code plan} in one exchange. Result {@code i} belongs to step {@code i}. */
  PlanResult execute(Plan plan);

  /** Describes {@code refs} and what they reach down to {@code depth} (0 = the refs only). */
  ObjectGraph describe(List<Value.ObjectRef> refs, int depth);

  /**
   * The shape of a type by binary name, or empty when the target does not know it. Callers cache
   * per type ({@code ShapeCache}); implementations need not.
   */
  Optional<TypeShape> shape(String typeName);
}
