package dev.rdb.core;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Picks the overload a call means and runs it, the way javac would for the argument values: by
 * arity, then by argument types with primitive widening only (phase 1), then with boxing (phase
 * 2), then with varargs (phase 3); among applicable methods the most specific wins, ties broken by how many conversions
 * each needs. Values carry their primitive kind (an {@link Integer} is an {@code int}), a
 * {@link RemoteRef} passed for an interface-typed parameter becomes a proxy of that interface, and
 * an {@link EnumValue} becomes the constant of an enum-typed parameter.
 */
final class Invoker {
  /** Returned by {@link #convert} when a value does not fit a type. */
  static final Object NO_MATCH = new Object();

  private static final Map<Class<?>, Class<?>> BOXES = Map.of(
      int.class, Integer.class, long.class, Long.class, short.class, Short.class,
      byte.class, Byte.class, char.class, Character.class, float.class, Float.class,
      double.class, Double.class, boolean.class, Boolean.class);

  private Invoker() {}

  /** A chosen method and its converted arguments. */
  static final class Resolved {
    final Method method;
    final Object[] arguments;
    final int cost;

    Resolved(Method method, Object[] arguments, int cost) {
      this.method = method;
      this.arguments = arguments;
      this.cost = cost;
    }
  }

  static Resolved resolve(Class<?> type, String name, List<Object> args, List<String> signature,
      boolean statics) {
    List<Method> all = Members.of(type).methods(name);
    List<Method> candidates = new ArrayList<>();
    for (Method m : all) {
      if (Modifier.isStatic(m.getModifiers()) == statics || !statics) {
        candidates.add(m);
      }
    }
    if (candidates.isEmpty()) {
      throw new OperationFailure(OperationFailure.INVALID, "no " + (statics ? "static " : "")
          + "method '" + name + "' in " + type.getName());
    }
    if (signature != null) {
      for (Method m : candidates) {
        if (parameterNames(m).equals(signature)) {
          Resolved r = applicable(m, args, 2);
          if (r == null) {
            throw new OperationFailure(OperationFailure.INVALID, "arguments " + describe(args)
                + " do not fit " + Members.signature(m));
          }
          return r;
        }
      }
      throw new OperationFailure(OperationFailure.INVALID, "no method " + name + signature
          + " in " + type.getName());
    }
    for (int phase = 1; phase <= 3; phase++) {
      List<Resolved> applicable = new ArrayList<>();
      for (Method m : candidates) {
        Resolved r = applicable(m, args, phase);
        if (r != null) {
          applicable.add(r);
        }
      }
      if (!applicable.isEmpty()) {
        return mostSpecific(applicable, name, args);
      }
    }
    StringJoiner known = new StringJoiner(", ");
    for (Method m : candidates) {
      known.add(Members.signature(m));
    }
    throw new OperationFailure(OperationFailure.INVALID, "no overload of '" + name + "' in "
        + type.getName() + " accepts " + describe(args) + "; candidates: " + known);
  }

  static Object invoke(Resolved r, Object target, Class<?> receiverClass) {
    Method method = Members.invocable(r.method, receiverClass);
    try {
      return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, r.arguments);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause() == null ? e : e.getCause();
      throw new OperationFailure(OperationFailure.REMOTE, String.valueOf(thrown), thrown);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new OperationFailure(OperationFailure.INVALID,
          "cannot call " + Members.signature(method) + ": " + e.getMessage());
    }
  }

  /**
   * Phase 1 allows no boxing (a value of primitive kind fits only primitive parameters), phase 2
   * allows boxing, phase 3 adds variable arity; as JLS 15.12.2.
   */
  private static Resolved applicable(Method m, List<Object> args, int phase) {
    Class<?>[] params = m.getParameterTypes();
    int n = args.size();
    boolean boxing = phase > 1;
    if (phase < 3) {
      if (params.length != n) {
        return null;
      }
      Object[] converted = new Object[n];
      int cost = 0;
      for (int i = 0; i < n; i++) {
        Object c = convert(args.get(i), params[i], boxing);
        if (c == NO_MATCH) {
          return null;
        }
        converted[i] = c;
        cost += cost(args.get(i), params[i]);
      }
      return new Resolved(m, converted, cost);
    }
    if (!m.isVarArgs() || n < params.length - 1) {
      return null;
    }
    int fixed = params.length - 1;
    Object[] converted = new Object[params.length];
    int cost = 0;
    for (int i = 0; i < fixed; i++) {
      Object c = convert(args.get(i), params[i], true);
      if (c == NO_MATCH) {
        return null;
      }
      converted[i] = c;
      cost += cost(args.get(i), params[i]);
    }
    Class<?> component = params[fixed].getComponentType();
    Object rest = Array.newInstance(component, n - fixed);
    for (int i = fixed; i < n; i++) {
      Object c = convert(args.get(i), component, true);
      if (c == NO_MATCH) {
        return null;
      }
      Array.set(rest, i - fixed, c);
      cost += cost(args.get(i), component) + 1;
    }
    converted[fixed] = rest;
    return new Resolved(m, converted, cost);
  }

  private static Resolved mostSpecific(List<Resolved> applicable, String name, List<Object> args) {
    List<Resolved> best = new ArrayList<>();
    for (Resolved r : applicable) {
      boolean dominated = false;
      for (Resolved other : applicable) {
        if (other != r && moreSpecific(other.method, r.method)
            && !moreSpecific(r.method, other.method)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        best.add(r);
      }
    }
    best.sort((a, b) -> Integer.compare(a.cost, b.cost));
    if (best.size() > 1 && best.get(0).cost == best.get(1).cost) {
      throw new OperationFailure(OperationFailure.INVALID, "call of '" + name + "' with "
          + describe(args) + " is ambiguous: " + Members.signature(best.get(0).method) + " and "
          + Members.signature(best.get(1).method));
    }
    return best.get(0);
  }

  private static boolean moreSpecific(Method a, Method b) {
    Class<?>[] pa = a.getParameterTypes();
    Class<?>[] pb = b.getParameterTypes();
    if (pa.length != pb.length) {
      return false;
    }
    for (int i = 0; i < pa.length; i++) {
      if (!subtype(pa[i], pb[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean subtype(Class<?> a, Class<?> b) {
    if (a.isPrimitive() && b.isPrimitive()) {
      return a == b || widens(a, b);
    }
    return b.isAssignableFrom(a);
  }

  /**
   * Converts {@code value} to something {@code type} accepts by method invocation conversion, or
   * returns {@link #NO_MATCH}.
   */
  static Object convert(Object value, Class<?> type) {
    return convert(value, type, true);
  }

  private static Object convert(Object value, Class<?> type, boolean boxing) {
    if (type.isPrimitive()) {
      if (value == null) {
        return NO_MATCH;
      }
      Class<?> kind = primitiveOf(value.getClass());
      if (kind == null || !(kind == type || widens(kind, type))) {
        return NO_MATCH;
      }
      return widen(value, type);
    }
    if (value == null) {
      return null;
    }
    if (!boxing && primitiveOf(value.getClass()) != null) {
      return NO_MATCH;
    }
    if (type.isInstance(value)) {
      return value;
    }
    Class<?> unboxedTarget = primitiveOf(type);
    if (unboxedTarget != null) {
      return NO_MATCH;
    }
    RemoteRef ref = value instanceof RemoteRef ? (RemoteRef) value
        : value instanceof RemoteThrowable ? ((RemoteThrowable) value).ref() : null;
    if (ref != null && type.isInterface()) {
      return ref.as(type);
    }
    if (value instanceof EnumValue && type.isEnum()
        && type.getName().equals(((EnumValue) value).type())) {
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(((EnumValue) value).name())) {
          return constant;
        }
      }
    }
    return NO_MATCH;
  }

  private static int cost(Object value, Class<?> type) {
    if (value == null) {
      return 1;
    }
    if (type.isPrimitive()) {
      return primitiveOf(value.getClass()) == type ? 0 : 2;
    }
    if (value.getClass() == type) {
      return primitiveOf(type) != null ? 1 : 0;
    }
    return value instanceof RemoteRef && type.isInterface() ? 3 : 2;
  }

  private static Class<?> primitiveOf(Class<?> boxed) {
    for (Map.Entry<Class<?>, Class<?>> e : BOXES.entrySet()) {
      if (e.getValue() == boxed) {
        return e.getKey();
      }
    }
    return null;
  }

  /** JLS 5.1.2 widening primitive conversions. */
  private static boolean widens(Class<?> from, Class<?> to) {
    if (from == byte.class) {
      return to == short.class || to == int.class || to == long.class || to == float.class
          || to == double.class;
    }
    if (from == short.class || from == char.class) {
      return to == int.class || to == long.class || to == float.class || to == double.class;
    }
    if (from == int.class) {
      return to == long.class || to == float.class || to == double.class;
    }
    if (from == long.class) {
      return to == float.class || to == double.class;
    }
    return from == float.class && to == double.class;
  }

  private static Object widen(Object value, Class<?> to) {
    if (to == boolean.class) {
      return value;
    }
    if (to == char.class) {
      return value;
    }
    long asLong = value instanceof Character ? (Character) value : 0;
    Number n = value instanceof Character ? (Number) asLong : (Number) value;
    if (to == int.class) {
      return n.intValue();
    } else if (to == long.class) {
      return n.longValue();
    } else if (to == short.class) {
      return n.shortValue();
    } else if (to == byte.class) {
      return n.byteValue();
    } else if (to == float.class) {
      return n.floatValue();
    }
    return n.doubleValue();
  }

  static List<String> parameterNames(Method m) {
    List<String> names = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      names.add(p.getName());
    }
    return names;
  }

  static String describe(List<Object> args) {
    StringJoiner s = new StringJoiner(", ", "(", ")");
    for (Object a : args) {
      s.add(a == null ? "null" : a instanceof RemoteRef ? ((RemoteRef) a).typeName()
          : a.getClass().getSimpleName());
    }
    return s.toString();
  }
}
