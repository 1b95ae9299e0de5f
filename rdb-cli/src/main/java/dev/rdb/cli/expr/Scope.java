package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.Value;
import java.util.Optional;

/**
 * The names an expression sees first: the locals of the selected frame, its {@code this}, and the
 * class the frame's method belongs to (for unqualified static fields in static methods).
 */
public interface Scope {
  Scope EMPTY = name -> Optional.empty();

  Optional<Value> local(String name);

  default Optional<Value> thisValue() {
    return local("this");
  }

  /** The binary name of the frame's class, when there is a frame. */
  default Optional<String> frameClass() {
    return Optional.empty();
  }
}
