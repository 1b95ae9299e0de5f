package dev.rdb.cli.debuggee;

import java.util.Objects;

/** A local variable of a captured frame: name, declared type (Java source form), value. */
public record Local(String name, String declaredType, boolean argument, Value value) {
  public Local {
    Objects.requireNonNull(name, "name");
    declaredType = declaredType == null ? "?" : declaredType;
    Objects.requireNonNull(value, "value");
  }
}
