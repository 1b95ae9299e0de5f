package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/**
 * One member operation of a {@link Plan}. These are the only things an expression asks of a
 * target; everything else (arithmetic, comparisons, {@code &&}, {@code instanceof}) the evaluator
 * computes locally on the results.
 */
public sealed interface Step
    permits Step.GetField, Step.Index, Step.Call, Step.Length, Step.StaticField {

  /**
   * Whether running the step can change the target. Pure steps may be run speculatively (the
   * right side of {@code &&} before the left is known); calls never are.
   */
  boolean pure();

  /** {@code target.name}: an instance field (or, on an array, {@code length}). */
  record GetField(Operand target, String name) implements Step {
    public GetField {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean pure() {
      return true;
    }
  }

  /** {@code target[key]}: an array or list element by int index, or a map value by key. */
  record Index(Operand target, Operand key) implements Step {
    public Index {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean pure() {
      return true;
    }
  }

  /** {@code target.method(args)}: overloads resolved by the target from arity and argument types. */
  record Call(Operand target, String method, List<Operand> args) implements Step {
    public Call {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(method, "method");
      args = List.copyOf(args);
    }

    @Override
    public boolean pure() {
      return false;
    }
  }

  /** The length of an array, or the size of a collection or map. */
  record Length(Operand target) implements Step {
    public Length {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public boolean pure() {
      return true;
    }
  }

  /**
   * A static field reached by a dotted name: the target picks the longest prefix of {@code path}
   * that names a loaded class (a simple name matches a class of the post-mortem's frames), reads
   * the static field named next, and then the remaining names as instance fields.
   */
  record StaticField(List<String> path) implements Step {
    public StaticField {
      path = List.copyOf(path);
      if (path.size() < 2) {
        throw new IllegalArgumentException("a static field path needs a class and a field: " + path);
      }
    }

    @Override
    public boolean pure() {
      return true;
    }
  }
}
