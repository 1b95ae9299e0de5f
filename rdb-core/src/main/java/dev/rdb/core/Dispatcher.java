package dev.rdb.core;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serving side of a CALL: runs its operations in order, each step's target and arguments resolved
 * from values or from earlier steps' results ({@code ["P", i]}), and returns one result per step.
 * A failed step fails only the steps that use its result. Every operation consults the
 * {@link Policy}; named values matching the {@link Redaction} are replaced by {@link Redacted}.
 *
 * <p>The operations and their wire form are listed in {@code docs/PROTOCOL.md}.
 */
final class Dispatcher {
  /** Most elements one slice reply carries. */
  static final int MAX_SLICE = 65536;
  /** Approximate bytes of element payload after which a slice reply stops early. */
  static final int SLICE_BYTE_BUDGET = 2 * 1024 * 1024;
  /** Operations that never run application code, whatever their target. */
  private static final Set<String> READER_SAFE = Set.of("get", "same", "identityHash", "shape");
  /** JDK lists whose {@code get(int)} and {@code size()} read fields and take no lock. */
  private static final Set<String> PLAIN_LISTS = Set.of("java.util.ArrayList",
      "java.util.LinkedList", "java.util.Arrays$ArrayList", "java.util.ImmutableCollections$List12",
      "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$SubList",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.Collections$EmptyList",
      "java.util.Collections$SingletonList");

  private final Policy policy;
  private final Redaction redaction;
  private final ValueCodec codec;
  private final TypeTable types;

  Dispatcher(Policy policy, Redaction redaction, ValueCodec codec, TypeTable types) {
    this.policy = policy;
    this.redaction = redaction;
    this.codec = codec;
    this.types = types;
  }

  /**
   * The state of one CALL being run: which step comes next and what the earlier ones produced.
   * The reader thread runs steps while they touch no application code ({@link #runOnReader});
   * a worker finishes the rest ({@link #runToEnd}). Used by one thread at a time.
   */
  final class Execution {
    private final List<?> ops;
    private final Object[] results;
    private final boolean[] failed;
    private final List<Object> wire;
    private int next;

    private Execution(List<?> ops) {
      this.ops = ops;
      this.results = new Object[ops.size()];
      this.failed = new boolean[ops.size()];
      this.wire = new ArrayList<>(ops.size());
    }

    /** Runs steps on the calling (reader) thread while that is safe; true when all are done. */
    boolean runOnReader() {
      while (next < ops.size()) {
        if (!safeOnReader(ops.get(next))) {
          return false;
        }
        runStep();
      }
      return true;
    }

    /** Runs every remaining step. */
    List<Object> runToEnd() {
      while (next < ops.size()) {
        runStep();
      }
      return wire;
    }

    List<Object> results() {
      return wire;
    }

    private void runStep() {
      int i = next++;
      try {
        Object result = step(ops.get(i), results, failed, i);
        results[i] = result;
        wire.add(encodeResult(result));
      } catch (OperationFailure f) {
        failed[i] = true;
        wire.add(encodeFailure(f));
      }
    }

    /**
     * Whether a step runs no application code: a reflective read, or an index/length of an array
     * or a plain JDK list with an int index. Looks at operands without decoding them (decoding a
     * reference would count a receipt).
     */
    private boolean safeOnReader(Object rawOp) {
      if (!(rawOp instanceof List) || ((List<?>) rawOp).isEmpty()) {
        return true;
      }
      List<?> op = (List<?>) rawOp;
      Object name = op.get(0);
      if (READER_SAFE.contains(name)) {
        return true;
      }
      if ("index".equals(name) && op.size() == 3) {
        return plainIndexable(peek(op.get(1))) && isIntValue(op.get(2));
      }
      if ("length".equals(name) && op.size() == 2) {
        return plainIndexable(peek(op.get(1)));
      }
      return false;
    }

    /** The target an operand names without decoding it, or null when that needs decoding. */
    private Object peek(Object operand) {
      if (!(operand instanceof List) || ((List<?>) operand).size() != 2
          || !(((List<?>) operand).get(1) instanceof Long)) {
        return null;
      }
      List<?> w = (List<?>) operand;
      long n = (Long) w.get(1);
      if (ValueCodec.PIPELINED.equals(w.get(0))) {
        return n >= 0 && n < next && !failed[(int) n] ? results[(int) n] : null;
      }
      if (ValueCodec.YOURS.equals(w.get(0))) {
        return codec.peekExported(n);
      }
      return null;
    }
  }

  private static boolean plainIndexable(Object target) {
    return target != null
        && (target.getClass().isArray() || PLAIN_LISTS.contains(target.getClass().getName()));
  }

  private static boolean isIntValue(Object operand) {
    return operand instanceof List && ((List<?>) operand).size() == 2
        && ValueCodec.INT.equals(((List<?>) operand).get(0));
  }

  /** Starts running a CALL's steps. */
  Execution start(List<?> ops) {
    return new Execution(ops);
  }

  Object encodeFailure(OperationFailure f) {
    Object thrown = f.thrown() == null ? null : codec.encodeThrowable(f.thrown(), 0);
    return ValueCodec.listOf(ValueCodec.ERROR, f.code(), f.getMessage(), thrown);
  }

  private Object encodeResult(Object result) {
    if (result instanceof SliceResult) {
      SliceResult s = (SliceResult) result;
      return codec.encodeList(s.elements, s.more);
    }
    if (result instanceof Descriptions) {
      return ValueCodec.listOf(ValueCodec.DESCRIPTIONS, ((Descriptions) result).maps);
    }
    if (result instanceof ShapeResult) {
      return ValueCodec.listOf(ValueCodec.SHAPE, ((ShapeResult) result).map);
    }
    return codec.encode(result);
  }

  private Object step(Object rawOp, Object[] results, boolean[] failed, int index) {
    if (!(rawOp instanceof List) || ((List<?>) rawOp).isEmpty()
        || !(((List<?>) rawOp).get(0) instanceof String)) {
      throw ValueCodec.invalid("step " + index + " is not an [operation, …] list: "
          + ValueCodec.brief(rawOp));
    }
    List<?> op = (List<?>) rawOp;
    String name = (String) op.get(0);
    Operands in = new Operands(op, results, failed, index);
    switch (name) {
      case "get":
        in.arity(3);
        return get(in.target(1), in.string(2), false);
      case "getStatic":
        in.arity(3);
        return get(in.target(1), in.string(2), true);
      case "set":
        in.arity(4);
        set(in.target(1), in.string(2), in.value(3), false);
        return null;
      case "setStatic":
        in.arity(4);
        set(in.target(1), in.string(2), in.value(3), true);
        return null;
      case "call":
        in.arity(5);
        return call(in.target(1), in.string(2), in.values(3), in.signature(4), false);
      case "callStatic":
        in.arity(5);
        return call(in.target(1), in.string(2), in.values(3), in.signature(4), true);
      case "index": {
        in.arity(3);
        Object target = in.target(1);
        Object key = in.value(2);
        return applicationCode(() -> index(target, key));
      }
      case "length": {
        in.arity(2);
        Object target = in.target(1);
        return applicationCode(() -> length(target));
      }
      case "slice": {
        in.arity(4);
        Object target = in.target(1);
        int from = in.count(2);
        int to = in.count(3);
        return applicationCode(() -> slice(target, from, to));
      }
      case "toString":
        in.arity(3);
        return toStringBounded(in.target(1), in.count(2));
      case "equals":
        in.arity(3);
        return equalsOp(in.target(1), in.value(2));
      case "hashCode":
        in.arity(2);
        return hashCodeOp(in.target(1));
      case "same":
        in.arity(3);
        return in.value(1) == in.value(2);
      case "identityHash":
        in.arity(2);
        return System.identityHashCode(in.value(1));
      case "describe": {
        in.arity(5);
        List<Object> targets = in.values(1);
        int depth = in.count(2);
        int maxElements = in.count(3);
        int maxChars = in.count(4);
        return applicationCode(() -> describe(targets, depth, maxElements, maxChars));
      }
      case "shape":
        in.arity(2);
        return new ShapeResult(Shapes.encode(types.lookup(in.number(1))));
      default:
        throw ValueCodec.invalid("unknown operation '" + name + "'");
    }
  }

  /**
   * Runs an operation that calls the application's collection code ({@code size()},
   * {@code get}, iterators, {@code equals} of map keys): what that code throws is the remote
   * side's exception, reported as such, not an error of rdb.
   */
  private static Object applicationCode(Supplier<Object> operation) {
    try {
      return operation.get();
    } catch (OperationFailure f) {
      throw f;
    } catch (RuntimeException | Error e) {
      throw new OperationFailure(OperationFailure.REMOTE, String.valueOf(e), e);
    }
  }

  // ---------------------------------------------------------------- fields

  private Object get(Object target, String name, boolean statics) {
    Field f = field(target, name, statics, "read");
    if (!policy.allowsRead(f.getDeclaringClass(), name)) {
      throw denied("reading field " + f.getDeclaringClass().getName() + "." + name,
          Policy.Action.READ, f.getDeclaringClass().getName(), name);
    }
    if (redaction.redacts(name)) {
      return Redacted.INSTANCE;
    }
    try {
      return f.get(statics ? null : target);
    } catch (IllegalAccessException e) {
      throw ValueCodec.invalid("cannot read " + name + ": " + e.getMessage());
    } catch (ExceptionInInitializerError e) {
      throw new OperationFailure(OperationFailure.REMOTE, "initialising "
          + f.getDeclaringClass().getName() + " failed", e.getCause() == null ? e : e.getCause());
    }
  }

  private void set(Object target, String name, Object value, boolean statics) {
    Field f = field(target, name, statics, "write");
    if (!policy.allowsWrite(f.getDeclaringClass(), name)) {
      throw denied("writing field " + f.getDeclaringClass().getName() + "." + name,
          Policy.Action.WRITE, f.getDeclaringClass().getName(), name);
    }
    if (Modifier.isFinal(f.getModifiers())) {
      throw ValueCodec.invalid("field " + f.getDeclaringClass().getName() + "." + name
          + " is final");
    }
    Object converted = Invoker.convert(value, f.getType());
    if (converted == Invoker.NO_MATCH) {
      throw ValueCodec.invalid("cannot assign " + describeValue(value) + " to field " + name
          + " of type " + f.getType().getTypeName());
    }
    try {
      f.set(statics ? null : target, converted);
    } catch (IllegalAccessException e) {
      throw ValueCodec.invalid("cannot write " + name + ": " + e.getMessage());
    }
  }

  private static Field field(Object target, String name, boolean statics, String verb) {
    Class<?> type;
    if (statics) {
      if (!(target instanceof Class)) {
        throw ValueCodec.invalid("static access needs a Class as target, got "
            + describeValue(target));
      }
      type = (Class<?>) target;
    } else {
      if (target == null) {
        throw ValueCodec.invalid("cannot " + verb + " field '" + name + "' of null");
      }
      type = target.getClass();
    }
    Members members = Members.of(type);
    Members.FieldAccess access = members.field(name);
    if (access == null || statics && !Modifier.isStatic(access.field.getModifiers())) {
      throw ValueCodec.invalid("no " + (statics ? "static " : "") + "field '" + name + "' in "
          + type.getName() + " (fields: " + members.fieldNames() + ")");
    }
    if (access.inaccessible != null) {
      throw ValueCodec.invalid("field " + type.getName() + "." + name + " is "
          + access.inaccessible);
    }
    return access.field;
  }

  // ---------------------------------------------------------------- calls

  private Object call(Object target, String name, List<Object> args, List<String> signature,
      boolean statics) {
    Class<?> type;
    if (statics) {
      if (!(target instanceof Class)) {
        throw ValueCodec.invalid("static call needs a Class as target, got "
            + describeValue(target));
      }
      type = (Class<?>) target;
    } else {
      if (target == null) {
        throw ValueCodec.invalid("cannot call '" + name + "' on null");
      }
      type = target.getClass();
    }
    Invoker.Resolved resolved = Invoker.resolve(type, name, args, signature, statics);
    Method m = resolved.method;
    if (!policy.allowsCall(type, m)) {
      throw denied("calling " + Members.signature(m) + " on " + type.getName(),
          Policy.Action.CALL, m.getDeclaringClass().getName(), name);
    }
    Object result = Invoker.invoke(resolved, target, type);
    if (m.getParameterCount() == 0 && m.getReturnType() != void.class && redaction.redacts(name)) {
      return Redacted.INSTANCE;
    }
    return result;
  }

  private Object callNamed(Object target, String name, Object... args) {
    return call(target, name, List.of(args), null, false);
  }

  // ---------------------------------------------------------------- elements

  private Object index(Object target, Object key) {
    if (target == null) {
      throw ValueCodec.invalid("cannot index null");
    }
    Class<?> type = target.getClass();
    if (type.isArray() || target instanceof List) {
      checkElementRead(type);
      int i = intKey(key, target);
      int length = type.isArray() ? Array.getLength(target) : ((List<?>) target).size();
      if (i < 0 || i >= length) {
        throw ValueCodec.invalid("index " + i + " out of bounds for length " + length);
      }
      return type.isArray() ? Array.get(target, i) : ((List<?>) target).get(i);
    }
    if (target instanceof Map) {
      checkElementRead(type);
      if (key instanceof String && redaction.redacts((String) key)) {
        return Redacted.INSTANCE;
      }
      return ((Map<?, ?>) target).get(key);
    }
    if (target instanceof String) {
      String s = (String) target;
      int i = intKey(key, target);
      if (i < 0 || i >= s.length()) {
        throw ValueCodec.invalid("index " + i + " out of bounds for length " + s.length());
      }
      return s.charAt(i);
    }
    throw ValueCodec.invalid("cannot index " + type.getName()
        + ": not an array, List, Map or String");
  }

  private static int intKey(Object key, Object target) {
    if (key instanceof Integer || key instanceof Short || key instanceof Byte
        || key instanceof Long && (Long) key == (int) (long) (Long) key) {
      return ((Number) key).intValue();
    }
    throw ValueCodec.invalid("index into " + target.getClass().getName()
        + " must be an int, got " + describeValue(key));
  }

  private Object length(Object target) {
    if (target == null) {
      throw ValueCodec.invalid("null has no length");
    }
    Class<?> type = target.getClass();
    if (type.isArray()) {
      return Array.getLength(target);
    }
    if (target instanceof Collection) {
      checkElementRead(type);
      return ((Collection<?>) target).size();
    }
    if (target instanceof Map) {
      checkElementRead(type);
      return ((Map<?, ?>) target).size();
    }
    if (target instanceof CharSequence) {
      return ((CharSequence) target).length();
    }
    throw ValueCodec.invalid(type.getName() + " has no length: not an array, Collection, Map "
        + "or CharSequence");
  }

  private SliceResult slice(Object target, int from, int to) {
    if (target == null) {
      throw ValueCodec.invalid("cannot slice null");
    }
    if (to < from) {
      throw ValueCodec.invalid("slice end " + to + " before start " + from);
    }
    Class<?> type = target.getClass();
    checkElementRead(type);
    int wanted = Math.min(to - from, MAX_SLICE);
    List<Object> out = new ArrayList<>(Math.min(wanted, 1024));
    long bytes = 0;
    if (type.isArray() || target instanceof List && target instanceof RandomAccess) {
      int length = type.isArray() ? Array.getLength(target) : ((List<?>) target).size();
      int end = (int) Math.min((long) from + wanted, length);
      int i = from;
      for (; i < end && bytes < SLICE_BYTE_BUDGET; i++) {
        Object e = type.isArray() ? Array.get(target, i) : ((List<?>) target).get(i);
        out.add(e);
        bytes += weight(e);
      }
      return new SliceResult(out, i < length);
    }
    Iterator<?> it;
    if (target instanceof Iterator) {
      // An iterator is consumed: each slice takes the next elements, whatever 'from' says.
      it = (Iterator<?>) target;
    } else {
      if (target instanceof Map) {
        it = ((Map<?, ?>) target).entrySet().iterator();
      } else if (target instanceof Iterable) {
        it = ((Iterable<?>) target).iterator();
      } else {
        throw ValueCodec.invalid("cannot slice " + type.getName()
            + ": not an array, Iterable, Map or Iterator");
      }
      for (int skipped = 0; skipped < from && it.hasNext(); skipped++) {
        it.next();
      }
    }
    while (out.size() < wanted && bytes < SLICE_BYTE_BUDGET && it.hasNext()) {
      Object e = it.next();
      if (e instanceof Map.Entry && target instanceof Map) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
        Object v = entry.getKey() instanceof String && redaction.redacts((String) entry.getKey())
            ? Redacted.INSTANCE : entry.getValue();
        e = new MapEntry(entry.getKey(), v);
      }
      out.add(e);
      bytes += weight(e);
    }
    return new SliceResult(out, it.hasNext());
  }

  private static long weight(Object e) {
    return e instanceof String ? 8 + ((String) e).length() : 16;
  }

  private void checkElementRead(Class<?> type) {
    if (!policy.allowsRead(type, "[]")) {
      throw denied("reading elements of " + type.getName(), Policy.Action.READ, type.getName(),
          "[]");
    }
  }

  // ---------------------------------------------------------------- object methods

  private String toStringBounded(Object target, int maxChars) {
    if (target == null) {
      return "null";
    }
    Object s = callNamed(target, "toString");
    return Describer.bound(String.valueOf(s), maxChars);
  }

  private Object equalsOp(Object target, Object other) {
    if (target == null) {
      return other == null;
    }
    return call(target, "equals", Arrays.asList(other), List.of("java.lang.Object"), false);
  }

  private Object hashCodeOp(Object target) {
    return target == null ? 0 : callNamed(target, "hashCode");
  }

  private Descriptions describe(List<Object> targets, int depth, int maxElements, int maxChars) {
    Describer describer = new Describer(policy, redaction, codec, Math.min(maxElements, MAX_SLICE),
        maxChars);
    List<Object> maps = new ArrayList<>(targets.size());
    for (Object target : targets) {
      maps.add(describer.describe(target, Math.min(depth, Describer.MAX_DEPTH)));
    }
    return new Descriptions(maps);
  }

  // ---------------------------------------------------------------- helpers

  private OperationFailure denied(String what, Policy.Action action, String className,
      String member) {
    return new OperationFailure(OperationFailure.DENIED, what + ": "
        + policy.howToAllow(action, className, member));
  }

  static String describeValue(Object v) {
    return v == null ? "null" : v instanceof RemoteRef ? ((RemoteRef) v).typeName()
        : v.getClass().getName();
  }

  /** Reads one step's operands, resolving pipelined references. */
  private final class Operands {
    private final List<?> op;
    private final Object[] results;
    private final boolean[] failed;
    private final int index;

    Operands(List<?> op, Object[] results, boolean[] failed, int index) {
      this.op = op;
      this.results = results;
      this.failed = failed;
      this.index = index;
    }

    void arity(int n) {
      if (op.size() != n) {
        throw ValueCodec.invalid("operation '" + op.get(0) + "' takes " + (n - 1)
            + " operands, got " + (op.size() - 1));
      }
    }

    Object target(int i) {
      return value(i);
    }

    Object value(int i) {
      return resolve(op.get(i));
    }

    private Object resolve(Object wire) {
      if (wire instanceof List && !((List<?>) wire).isEmpty()
          && ValueCodec.PIPELINED.equals(((List<?>) wire).get(0))) {
        List<?> p = (List<?>) wire;
        ValueCodec.arity(p, 2);
        long step = ValueCodec.field(p, 1, Long.class);
        if (step < 0 || step >= index) {
          throw ValueCodec.invalid("step " + index + " refers to step " + step
              + ", which does not come before it");
        }
        if (failed[(int) step]) {
          throw new OperationFailure(OperationFailure.DEPENDENCY, "step " + index
              + " uses the result of step " + step + ", which failed");
        }
        return results[(int) step];
      }
      return codec.decode(wire);
    }

    List<Object> values(int i) {
      Object w = op.get(i);
      if (!(w instanceof List)) {
        throw ValueCodec.invalid("operand " + i + " of '" + op.get(0) + "' must be a list");
      }
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) w) {
        out.add(resolve(x));
      }
      return out;
    }

    List<String> signature(int i) {
      Object w = op.get(i);
      if (w == null) {
        return null;
      }
      if (!(w instanceof List)) {
        throw ValueCodec.invalid("signature must be a list of type names");
      }
      List<String> names = new ArrayList<>();
      for (Object x : (List<?>) w) {
        if (!(x instanceof String)) {
          throw ValueCodec.invalid("signature must be a list of type names");
        }
        names.add((String) x);
      }
      return names;
    }

    String string(int i) {
      return ValueCodec.field(op, i, String.class);
    }

    long number(int i) {
      return ValueCodec.field(op, i, Long.class);
    }

    int count(int i) {
      long n = number(i);
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw ValueCodec.invalid("operand " + i + " of '" + op.get(0) + "' out of range: " + n);
      }
      return (int) n;
    }
  }

  private static final class SliceResult {
    final List<Object> elements;
    final boolean more;

    SliceResult(List<Object> elements, boolean more) {
      this.elements = elements;
      this.more = more;
    }
  }

  private static final class Descriptions {
    final List<Object> maps;

    Descriptions(List<Object> maps) {
      this.maps = maps;
    }
  }

  private static final class ShapeResult {
    final Map<String, Object> map;

    ShapeResult(Map<String, Object> map) {
      this.map = map;
    }
  }
}
