package dev.rdb.core;

import java.util.List;
import java.util.Optional;

/**
 * The shape of a remote type: name, supertypes, fields and methods. Fetched once per type per
 * connection and cached.
 *
 * @param name binary class name
 * @param supertypes superclasses and interfaces, nearest first
 * @param fields fields of the class and its superclasses (instance and static)
 * @param methods methods callable on an instance (declared in the class hierarchy, public
 *     interface methods included; bridges and synthetic methods left out)
 */
public record Shape(String name, List<String> supertypes, List<FieldInfo> fields,
    List<MethodInfo> methods) {

  public Shape {
    supertypes = List.copyOf(supertypes);
    fields = List.copyOf(fields);
    methods = List.copyOf(methods);
  }

  /** The field named {@code name}, nearest declaration first. */
  public Optional<FieldInfo> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * A field.
   *
   * @param name its name
   * @param type declared type in Java source form
   * @param modifiers {@link java.lang.reflect.Modifier} bits
   * @param declaringClass binary name of the declaring class
   */
  public record FieldInfo(String name, String type, int modifiers, String declaringClass) {}

  /**
   * A method.
   *
   * @param name its name
   * @param parameterTypes parameter types in Java source form
   * @param returnType return type in Java source form
   * @param modifiers {@link java.lang.reflect.Modifier} bits
   * @param declaringClass binary name of the declaring class
   */
  public record MethodInfo(String name, List<String> parameterTypes, String returnType,
      int modifiers, String declaringClass) {
    public MethodInfo {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }
}
