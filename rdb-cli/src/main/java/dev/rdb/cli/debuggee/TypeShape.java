package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a type offers to expressions and completion: its supertypes (binary names, for
 * {@code instanceof}), its fields (with declared types, so a chain
 * can be completed without evaluating it) and method names. Sent once per type per connection.
 */
public record TypeShape(
    String name, List<String> supertypes, List<FieldShape> fields, List<String> methods) {
  public TypeShape {
    Objects.requireNonNull(name, "name");
    supertypes = List.copyOf(supertypes);
    fields = List.copyOf(fields);
    methods = List.copyOf(methods);
  }

  public Optional<FieldShape> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /** A field: name, declared type in Java source form, and whether it is static. */
  public record FieldShape(String name, String declaredType, boolean isStatic) {
    public FieldShape {
      Objects.requireNonNull(name, "name");
      declaredType = declaredType == null ? "?" : declaredType;
    }
  }
}
