package dev.rdb.core;

import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns values into their wire form and back, for one connection (copy rules and tags are in
 * {@code docs/PROTOCOL.md}, section "Values").
 *
 * <p>Encoding exports objects into this end's {@link ObjectTable}; decoding turns the peer's
 * references into {@link RemoteRef} handles and references to this end's own objects back into the
 * objects. Neither direction runs application code: lengths are attached only to arrays and to JDK
 * collections whose {@code size()} is a plain field read.
 */
final class ValueCodec {
  static final String INT = "I";
  static final String SHORT = "S";
  static final String BYTE = "B";
  static final String CHAR = "C";
  static final String FLOAT = "F";
  static final String ENUM = "E";
  static final String REDACTED = "X";
  static final String REF = "R";
  static final String YOURS = "Y";
  static final String THROWABLE = "T";
  static final String PIPELINED = "P";
  static final String LIST = "L";
  static final String ENTRY = "M";
  static final String DESCRIPTIONS = "D";
  static final String SHAPE = "H";
  static final String ERROR = "!";

  static final int MAX_STACK_FRAMES = 256;
  static final int MAX_CAUSES = 8;

  /** JDK collections whose size() reads a field and takes no lock. */
  private static final Set<String> PLAIN_SIZE = Set.of(
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.ArrayDeque", "java.util.IdentityHashMap", "java.util.EnumMap",
      "java.util.Arrays$ArrayList", "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.Collections$EmptyList",
      "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
      "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap",
      "java.util.Collections$SingletonSet");

  private final Connection connection;
  private final ObjectTable exports;
  private final TypeTable types;

  ValueCodec(Connection connection, ObjectTable exports, TypeTable types) {
    this.connection = connection;
    this.exports = exports;
    this.types = types;
  }

  // ---------------------------------------------------------------- encoding

  Object encode(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean
        || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      String tag = v instanceof Integer ? INT : v instanceof Short ? SHORT : BYTE;
      return List.of(tag, ((Number) v).longValue());
    }
    if (v instanceof Character) {
      return List.of(CHAR, (long) (Character) v);
    }
    if (v instanceof Float) {
      return List.of(FLOAT, ((Float) v).doubleValue());
    }
    if (v instanceof Enum) {
      Enum<?> e = (Enum<?>) v;
      return List.of(ENUM, e.getDeclaringClass().getName(), e.name());
    }
    if (v instanceof EnumValue) {
      EnumValue e = (EnumValue) v;
      return List.of(ENUM, e.type(), e.name());
    }
    if (v == Redacted.INSTANCE) {
      return List.of(REDACTED);
    }
    if (v instanceof MapEntry) {
      MapEntry e = (MapEntry) v;
      return listOf(ENTRY, encode(e.key()), encode(e.value()));
    }
    RemoteRef own = peerObject(v);
    if (own != null) {
      return List.of(YOURS, own.id());
    }
    if (v instanceof Throwable && isJdkClass(v.getClass())) {
      return encodeThrowable((Throwable) v, 0);
    }
    return encodeRef(v);
  }

  /** Encodes any throwable by name and reference (used for values and for error results). */
  Object encodeThrowable(Throwable t, int depth) {
    Class<?> type = t.getClass();
    StackTraceElement[] stack = t.getStackTrace();
    List<Object> frames = new ArrayList<>(Math.min(stack.length, MAX_STACK_FRAMES));
    for (int i = 0; i < stack.length && i < MAX_STACK_FRAMES; i++) {
      StackTraceElement f = stack[i];
      frames.add(listOf(f.getClassName(), f.getMethodName(), f.getFileName(),
          (long) f.getLineNumber()));
    }
    Throwable cause = t.getCause();
    Object encodedCause = cause == null || cause == t || depth >= MAX_CAUSES
        ? null : encodeThrowable(cause, depth + 1);
    return listOf(THROWABLE, exports.export(t), types.idOf(type), type.getName(),
        safeMessage(t), frames, encodedCause);
  }

  private Object encodeRef(Object v) {
    Class<?> type = v.getClass();
    Object length = null;
    if (type.isArray()) {
      length = (long) Array.getLength(v);
    } else if (PLAIN_SIZE.contains(type.getName())) {
      length = (long) (v instanceof Map ? ((Map<?, ?>) v).size() : ((Collection<?>) v).size());
    }
    Object className = v instanceof Class ? ((Class<?>) v).getName() : null;
    return listOf(REF, exports.export(v), types.idOf(type), type.getName(), length, className);
  }

  /** The handle behind {@code v} when {@code v} stands for an object of this connection's peer. */
  private RemoteRef peerObject(Object v) {
    RemoteRef ref = null;
    if (v instanceof RemoteRef) {
      ref = (RemoteRef) v;
    } else if (v instanceof RemoteThrowable) {
      ref = ((RemoteThrowable) v).ref();
    } else if (Proxy.isProxyClass(v.getClass())
        && Proxy.getInvocationHandler(v) instanceof RemoteProxy) {
      ref = ((RemoteProxy) Proxy.getInvocationHandler(v)).ref();
    }
    return ref != null && ref.connection() == connection ? ref : null;
  }

  static boolean isJdkClass(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException | LinkageError e) {
      return "<getMessage() threw " + e.getClass().getName() + ">";
    }
  }

  static List<Object> listOf(Object... items) {
    List<Object> list = new ArrayList<>(items.length);
    for (Object item : items) {
      list.add(item);
    }
    return list;
  }

  // ---------------------------------------------------------------- decoding

  /**
   * Decodes a value the peer sent. Throws {@link OperationFailure} ({@code invalid}) for anything
   * malformed, naming what was wrong.
   */
  Object decode(Object wire) {
    if (wire == null || wire instanceof String || wire instanceof Long || wire instanceof Boolean
        || wire instanceof Double) {
      return wire;
    }
    if (!(wire instanceof List) || ((List<?>) wire).isEmpty()
        || !(((List<?>) wire).get(0) instanceof String)) {
      throw invalid("not a value: " + brief(wire));
    }
    List<?> w = (List<?>) wire;
    String tag = (String) w.get(0);
    switch (tag) {
      case INT:
        return (int) checkedLong(w, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SHORT:
        return (short) checkedLong(w, Short.MIN_VALUE, Short.MAX_VALUE);
      case BYTE:
        return (byte) checkedLong(w, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case CHAR:
        return (char) checkedLong(w, Character.MIN_VALUE, Character.MAX_VALUE);
      case FLOAT:
        arity(w, 2);
        return (float) (double) field(w, 1, Double.class);
      case ENUM:
        arity(w, 3);
        return new EnumValue(field(w, 1, String.class), field(w, 2, String.class));
      case REDACTED:
        return Redacted.INSTANCE;
      case REF:
        return decodeRef(w);
      case YOURS:
        arity(w, 2);
        return exports.lookup(field(w, 1, Long.class));
      case THROWABLE:
        return decodeThrowable(w, 0);
      case ENTRY:
        arity(w, 3);
        return new MapEntry(decode(w.get(1)), decode(w.get(2)));
      case LIST:
        return decodeList(w);
      default:
        throw invalid("unknown value tag '" + tag + "'");
    }
  }

  /** This end's exported object {@code id}, or null; decodes nothing and counts nothing. */
  Object peekExported(long id) {
    return exports.peek(id);
  }

  private RemoteRef decodeRef(List<?> w) {
    arity(w, 6);
    Long length = optional(w, 4, Long.class);
    if (length != null && (length < 0 || length > Integer.MAX_VALUE)) {
      throw invalid("bad length " + length);
    }
    return connection.imports().handle(connection, field(w, 1, Long.class),
        field(w, 2, Long.class), field(w, 3, String.class),
        length == null ? -1 : (int) (long) length, optional(w, 5, String.class));
  }

  private RemoteThrowable decodeThrowable(List<?> w, int depth) {
    arity(w, 7);
    if (depth > MAX_CAUSES) {
      throw invalid("throwable causes nested deeper than " + MAX_CAUSES);
    }
    String className = field(w, 3, String.class);
    RemoteRef ref = connection.imports().handle(connection, field(w, 1, Long.class),
        field(w, 2, Long.class), className, -1, null);
    List<?> frames = field(w, 5, List.class);
    List<StackTraceElement> stack = new ArrayList<>(frames.size());
    for (Object frame : frames) {
      if (!(frame instanceof List) || ((List<?>) frame).size() != 4) {
        throw invalid("bad stack frame: " + brief(frame));
      }
      List<?> f = (List<?>) frame;
      long line = field(f, 3, Long.class);
      stack.add(new StackTraceElement(field(f, 0, String.class), field(f, 1, String.class),
          optional(f, 2, String.class), (int) Math.max(Integer.MIN_VALUE,
              Math.min(Integer.MAX_VALUE, line))));
    }
    Object cause = w.get(6);
    RemoteThrowable decodedCause = cause == null ? null
        : decodeThrowable(requireTagged(cause, THROWABLE), depth + 1);
    return new RemoteThrowable(className, optional(w, 4, String.class), stack, decodedCause, ref);
  }

  /** {@code ["L", elementTag, payloads, more]}: a chunk of elements, packed when uniform. */
  private Chunk decodeList(List<?> w) {
    arity(w, 4);
    String elementTag = optional(w, 1, String.class);
    List<?> payloads = field(w, 2, List.class);
    boolean more = field(w, 3, Boolean.class);
    List<Object> elements = new ArrayList<>(payloads.size());
    if (payloads instanceof PackedLongs && elementTag != null) {
      PackedLongs longs = (PackedLongs) payloads;
      for (int i = 0; i < longs.size(); i++) {
        elements.add(unpackInteger(elementTag, longs.at(i)));
      }
    } else if (elementTag == null) {
      for (Object p : payloads) {
        elements.add(decode(p));
      }
    } else {
      for (Object p : payloads) {
        elements.add(unpackScalar(elementTag, p));
      }
    }
    return new Chunk(elements, more);
  }

  /** An unboxed integer payload of a packed chunk, as the element tag's type. */
  private static Object unpackInteger(String tag, long v) {
    switch (tag) {
      case INT:
        if (v == (int) v) {
          return (int) v;
        }
        break;
      case "J":
        return v;
      case SHORT:
        if (v == (short) v) {
          return (short) v;
        }
        break;
      case BYTE:
        if (v == (byte) v) {
          return (byte) v;
        }
        break;
      case CHAR:
        if (v == (char) v) {
          return (char) v;
        }
        break;
      default:
        throw invalid("element " + v + " does not match element tag '" + tag + "'");
    }
    throw invalid("value " + v + " out of range for element tag '" + tag + "'");
  }

  private static Object unpackScalar(String tag, Object payload) {
    if (payload == null) {
      return null;
    }
    switch (tag) {
      case INT:
        return (int) checkedLong(payload, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SHORT:
        return (short) checkedLong(payload, Short.MIN_VALUE, Short.MAX_VALUE);
      case BYTE:
        return (byte) checkedLong(payload, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case CHAR:
        return (char) checkedLong(payload, Character.MIN_VALUE, Character.MAX_VALUE);
      case FLOAT:
        if (payload instanceof Double) {
          return (float) (double) (Double) payload;
        }
        break;
      case "J":
        if (payload instanceof Long) {
          return payload;
        }
        break;
      case "D":
        if (payload instanceof Double) {
          return payload;
        }
        break;
      case "Z":
        if (payload instanceof Boolean) {
          return payload;
        }
        break;
      case "s":
        if (payload instanceof String) {
          return payload;
        }
        break;
      default:
        throw invalid("unknown element tag '" + tag + "'");
    }
    throw invalid("element " + brief(payload) + " does not match element tag '" + tag + "'");
  }

  /** Packs elements as {@code ["L", tag, payloads, more]}. */
  Object encodeList(List<?> elements, boolean more) {
    String tag = uniformTag(elements);
    if (tag != null && (tag.equals(INT) || tag.equals("J") || tag.equals(SHORT)
        || tag.equals(BYTE) || tag.equals(CHAR)) && !elements.contains(null)) {
      long[] longs = new long[elements.size()];
      for (int i = 0; i < longs.length; i++) {
        Object e = elements.get(i);
        longs[i] = e instanceof Character ? (Character) e : ((Number) e).longValue();
      }
      return listOf(LIST, tag, new PackedLongs(longs, longs.length), more);
    }
    List<Object> payloads = new ArrayList<>(elements.size());
    if (tag == null) {
      for (Object e : elements) {
        payloads.add(encode(e));
      }
    } else {
      for (Object e : elements) {
        payloads.add(packScalar(e));
      }
    }
    return listOf(LIST, tag, payloads, more);
  }

  private static Object packScalar(Object e) {
    if (e == null || e instanceof Long || e instanceof Double || e instanceof Boolean
        || e instanceof String) {
      return e;
    }
    if (e instanceof Character) {
      return (long) (Character) e;
    }
    if (e instanceof Float) {
      return ((Float) e).doubleValue();
    }
    return ((Number) e).longValue();
  }

  /** The element tag when every non-null element has the same scalar class, else null. */
  private static String uniformTag(List<?> elements) {
    Class<?> common = null;
    for (Object e : elements) {
      if (e == null) {
        continue;
      }
      if (common == null) {
        common = e.getClass();
      } else if (e.getClass() != common) {
        return null;
      }
    }
    if (common == Integer.class) {
      return INT;
    } else if (common == Long.class) {
      return "J";
    } else if (common == Double.class) {
      return "D";
    } else if (common == String.class) {
      return "s";
    } else if (common == Boolean.class) {
      return "Z";
    } else if (common == Character.class) {
      return CHAR;
    } else if (common == Short.class) {
      return SHORT;
    } else if (common == Byte.class) {
      return BYTE;
    } else if (common == Float.class) {
      return FLOAT;
    }
    return null;
  }

  // ---------------------------------------------------------------- wire field access

  static List<?> requireTagged(Object wire, String tag) {
    if (!(wire instanceof List) || ((List<?>) wire).isEmpty()
        || !tag.equals(((List<?>) wire).get(0))) {
      throw invalid("expected a '" + tag + "' value, got " + brief(wire));
    }
    return (List<?>) wire;
  }

  static void arity(List<?> w, int size) {
    if (w.size() != size) {
      throw invalid("'" + w.get(0) + "' needs " + size + " items, got " + w.size());
    }
  }

  static <T> T field(List<?> w, int index, Class<T> type) {
    Object v = index < w.size() ? w.get(index) : null;
    if (!type.isInstance(v)) {
      throw invalid("item " + index + " of " + brief(w) + " must be a " + type.getSimpleName()
          + ", got " + brief(v));
    }
    return type.cast(v);
  }

  static <T> T optional(List<?> w, int index, Class<T> type) {
    Object v = index < w.size() ? w.get(index) : null;
    return v == null ? null : field(w, index, type);
  }

  private static long checkedLong(List<?> w, long min, long max) {
    arity(w, 2);
    return checkedLong(w.get(1), min, max);
  }

  private static long checkedLong(Object payload, long min, long max) {
    if (!(payload instanceof Long) || (Long) payload < min || (Long) payload > max) {
      throw invalid("value " + brief(payload) + " out of range [" + min + ", " + max + "]");
    }
    return (Long) payload;
  }

  static OperationFailure invalid(String message) {
    return new OperationFailure(OperationFailure.INVALID, message);
  }

  /** A short rendering of a wire value for error messages. */
  static String brief(Object wire) {
    String s = wire instanceof byte[] ? "byte[" + ((byte[]) wire).length + "]" : String.valueOf(wire);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
