package dev.rdb.core;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reflection over a class, cached per class: its fields by name (nearest declaration wins, made
 * accessible once) and its methods by name (overridden declarations collapsed). Holds nothing that
 * would keep a class loader alive beyond the class itself ({@link ClassValue}).
 */
final class Members {
  private static final ClassValue<Members> CACHE = new ClassValue<>() {
    @Override
    protected Members computeValue(Class<?> type) {
      return new Members(type);
    }
  };

  /** A field and, when it cannot be read, why. */
  static final class FieldAccess {
    final Field field;
    final String inaccessible;

    FieldAccess(Field field, String inaccessible) {
      this.field = field;
      this.inaccessible = inaccessible;
    }
  }

  private final Class<?> type;
  private final Map<String, FieldAccess> fields = new LinkedHashMap<>();
  private final List<FieldAccess> instanceFields = new ArrayList<>();
  private final List<FieldAccess> staticFields = new ArrayList<>();
  private volatile Map<String, List<Method>> methods;

  private Members(Class<?> type) {
    this.type = type;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        FieldAccess access = new FieldAccess(f, open(f));
        fields.putIfAbsent(f.getName(), access);
        (Modifier.isStatic(f.getModifiers()) ? staticFields : instanceFields).add(access);
      }
    }
  }

  static Members of(Class<?> type) {
    return CACHE.get(type);
  }

  /** The nearest field named {@code name} (instance or static), or null. */
  FieldAccess field(String name) {
    return fields.get(name);
  }

  /** Static fields declared by this class itself (for describing a {@code Class}). */
  List<FieldAccess> ownStaticFields() {
    List<FieldAccess> own = new ArrayList<>();
    for (FieldAccess f : staticFields) {
      if (f.field.getDeclaringClass() == type) {
        own.add(f);
      }
    }
    return own;
  }

  /** Instance fields, the class's own first, then each superclass's. */
  List<FieldAccess> instanceFields() {
    return Collections.unmodifiableList(instanceFields);
  }

  List<FieldAccess> allFields() {
    List<FieldAccess> all = new ArrayList<>(instanceFields);
    all.addAll(staticFields);
    return all;
  }

  String fieldNames() {
    return String.join(", ", fields.keySet());
  }

  /** Methods named {@code name}, most derived declaration of each signature only. */
  List<Method> methods(String name) {
    return methodsByName().getOrDefault(name, List.of());
  }

  Map<String, List<Method>> methodsByName() {
    Map<String, List<Method>> m = methods;
    if (m == null) {
      m = collectMethods();
      methods = m;
    }
    return m;
  }

  private Map<String, List<Method>> collectMethods() {
    Map<String, Map<List<Class<?>>, Method>> bySignature = new LinkedHashMap<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      for (Method method : c.getDeclaredMethods()) {
        if (method.isBridge() || method.isSynthetic()) {
          continue;
        }
        bySignature.computeIfAbsent(method.getName(), k -> new LinkedHashMap<>())
            .putIfAbsent(Arrays.asList(method.getParameterTypes()), method);
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(Arrays.asList(c.getInterfaces()));
    }
    if (type.isInterface()) {
      for (Method method : Object.class.getMethods()) {
        bySignature.computeIfAbsent(method.getName(), k -> new LinkedHashMap<>())
            .putIfAbsent(Arrays.asList(method.getParameterTypes()), method);
      }
    }
    Map<String, List<Method>> result = new LinkedHashMap<>();
    bySignature.forEach((name, sigs) -> result.put(name, List.copyOf(sigs.values())));
    return result;
  }

  /**
   * A {@link Method} that can be invoked on {@code receiverClass}: the method itself when it can be
   * made accessible, else the same signature declared by a public supertype in an exported
   * package (a public method of a private JDK class reached through its public interface).
   */
  static Method invocable(Method method, Class<?> receiverClass) {
    if (method.trySetAccessible()) {
      return method;
    }
    Deque<Class<?>> todo = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    todo.add(receiverClass);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      if (Modifier.isPublic(c.getModifiers())
          && c.getModule().isExported(c.getPackageName())) {
        try {
          Method m = c.getMethod(method.getName(), method.getParameterTypes());
          if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
            return m;
          }
        } catch (NoSuchMethodException ignored) {
          // Not visible through this supertype; try the next.
        }
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(Arrays.asList(c.getInterfaces()));
    }
    throw new OperationFailure(OperationFailure.INVALID, "cannot call " + signature(method)
        + ": " + moduleReason(method.getDeclaringClass()));
  }

  static String signature(Method m) {
    StringBuilder s = new StringBuilder(m.getDeclaringClass().getName()).append('.')
        .append(m.getName()).append('(');
    Class<?>[] params = m.getParameterTypes();
    for (int i = 0; i < params.length; i++) {
      s.append(i == 0 ? "" : ", ").append(params[i].getTypeName());
    }
    return s.append(')').toString();
  }

  private static String open(Field f) {
    if (f.trySetAccessible()) {
      return null;
    }
    return "inaccessible: " + moduleReason(f.getDeclaringClass());
  }

  private static String moduleReason(Class<?> c) {
    return "module " + (c.getModule().isNamed() ? c.getModule().getName() : "(unnamed)")
        + " does not open " + c.getPackageName() + " to rdb";
  }
}
