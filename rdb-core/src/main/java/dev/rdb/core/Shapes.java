package dev.rdb.core;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The wire form of a type's {@link Shape}: {@code {name, supertypes, fields, methods}}. */
final class Shapes {
  private Shapes() {}

  static Map<String, Object> encode(Class<?> type) {
    Set<String> supertypes = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (c != type) {
        supertypes.add(c.getName());
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(Arrays.asList(c.getInterfaces()));
    }
    List<Object> fields = new ArrayList<>();
    for (Members.FieldAccess f : Members.of(type).allFields()) {
      fields.add(ValueCodec.listOf(f.field.getName(), f.field.getGenericType().getTypeName(),
          (long) f.field.getModifiers(), f.field.getDeclaringClass().getName()));
    }
    List<Object> methods = new ArrayList<>();
    for (List<Method> overloads : Members.of(type).methodsByName().values()) {
      for (Method m : overloads) {
        List<Object> params = new ArrayList<>();
        for (var p : m.getGenericParameterTypes()) {
          params.add(p.getTypeName());
        }
        methods.add(ValueCodec.listOf(m.getName(), params, m.getGenericReturnType().getTypeName(),
            (long) m.getModifiers(), m.getDeclaringClass().getName()));
      }
    }
    return Map.of("name", type.getName(), "supertypes", new ArrayList<>(supertypes),
        "fields", fields, "methods", methods);
  }

  static Shape decode(Object wire) {
    if (!(wire instanceof Map)) {
      throw ValueCodec.invalid("shape is not a map: " + ValueCodec.brief(wire));
    }
    Map<?, ?> m = (Map<?, ?>) wire;
    List<String> supertypes = new ArrayList<>();
    for (Object s : list(m, "supertypes")) {
      supertypes.add(String.valueOf(s));
    }
    List<Shape.FieldInfo> fields = new ArrayList<>();
    for (Object f : list(m, "fields")) {
      List<?> w = (List<?>) f;
      fields.add(new Shape.FieldInfo(ValueCodec.field(w, 0, String.class),
          ValueCodec.field(w, 1, String.class), (int) (long) ValueCodec.field(w, 2, Long.class),
          ValueCodec.field(w, 3, String.class)));
    }
    List<Shape.MethodInfo> methods = new ArrayList<>();
    for (Object x : list(m, "methods")) {
      List<?> w = (List<?>) x;
      List<String> params = new ArrayList<>();
      for (Object p : ValueCodec.field(w, 1, List.class)) {
        params.add(String.valueOf(p));
      }
      methods.add(new Shape.MethodInfo(ValueCodec.field(w, 0, String.class), params,
          ValueCodec.field(w, 2, String.class), (int) (long) ValueCodec.field(w, 3, Long.class),
          ValueCodec.field(w, 4, String.class)));
    }
    Object name = m.get("name");
    if (!(name instanceof String)) {
      throw ValueCodec.invalid("shape has no name");
    }
    return new Shape((String) name, supertypes, fields, methods);
  }

  private static List<?> list(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof List)) {
      throw ValueCodec.invalid("shape field '" + key + "' is not a list");
    }
    return (List<?>) v;
  }
}
