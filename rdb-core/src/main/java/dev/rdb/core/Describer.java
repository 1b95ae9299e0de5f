package dev.rdb.core;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Serving side of {@code describe}: type, identity hash, bounded summary, length, first elements
 * and fields of many values, nested values described down to a depth, in one reply. A budget of
 * {@value #MAX_DESCRIPTIONS} descriptions per operation keeps a wide, deep graph from producing a
 * reply larger than a frame; values beyond it are sent without a nested description.
 */
final class Describer {
  static final int MAX_DEPTH = 8;
  static final int MAX_DESCRIPTIONS = 5000;

  private final Policy policy;
  private final Redaction redaction;
  private final ValueCodec codec;
  private final int maxElements;
  private final int maxChars;
  private int budget = MAX_DESCRIPTIONS;

  Describer(Policy policy, Redaction redaction, ValueCodec codec, int maxElements, int maxChars) {
    this.policy = policy;
    this.redaction = redaction;
    this.codec = codec;
    this.maxElements = maxElements;
    this.maxChars = maxChars;
  }

  Map<String, Object> describe(Object value, int depth) {
    budget--;
    Map<String, Object> d = new HashMap<>();
    d.put("value", codec.encode(value));
    if (value == null) {
      return d;
    }
    Class<?> type = value.getClass();
    d.put("type", type.getName());
    d.put("hash", (long) System.identityHashCode(value));
    String summary = summary(value);
    if (summary != null) {
      d.put("summary", summary);
    }
    if (type.isArray() || value instanceof Collection || value instanceof Map) {
      boolean readable = policy.allowsRead(type, "[]");
      if (readable) {
        describeElements(value, depth, d);
      }
    } else if (value instanceof CharSequence) {
      d.put("length", (long) ((CharSequence) value).length());
    }
    boolean showFields = summary == null || value instanceof Class
        || value instanceof Throwable && !ValueCodec.isJdkClass(type);
    if (showFields && !type.isArray() && !(value instanceof Collection)
        && !(value instanceof Map)) {
      d.put("fields", fields(value, depth));
    }
    return d;
  }

  private void describeElements(Object value, int depth, Map<String, Object> d) {
    List<Object> elements = new ArrayList<>();
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      d.put("length", (long) length);
      for (int i = 0; i < length && i < maxElements; i++) {
        elements.add(element(i, Array.get(value, i), depth));
      }
    } else if (value instanceof Collection) {
      Collection<?> c = (Collection<?>) value;
      d.put("length", (long) c.size());
      int i = 0;
      for (Iterator<?> it = c.iterator(); it.hasNext() && i < maxElements; i++) {
        elements.add(element(i, it.next(), depth));
      }
    } else {
      Map<?, ?> m = (Map<?, ?>) value;
      d.put("length", (long) m.size());
      int i = 0;
      for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
          it.hasNext() && i < maxElements; i++) {
        Map.Entry<?, ?> e = it.next();
        Object v = e.getKey() instanceof String && redaction.redacts((String) e.getKey())
            ? Redacted.INSTANCE : e.getValue();
        elements.add(ValueCodec.listOf(codec.encode(e.getKey()), codec.encode(v), nested(v, depth)));
      }
    }
    d.put("elements", elements);
  }

  private Object element(int index, Object v, int depth) {
    return ValueCodec.listOf(codec.encode(index), codec.encode(v), nested(v, depth));
  }

  private List<Object> fields(Object value, int depth) {
    boolean isClass = value instanceof Class;
    Members members = Members.of(isClass ? (Class<?>) value : value.getClass());
    List<Members.FieldAccess> fields = isClass ? members.ownStaticFields() : members.instanceFields();
    List<Object> out = new ArrayList<>(fields.size());
    for (Members.FieldAccess access : fields) {
      Field f = access.field;
      String unavailable = access.inaccessible;
      Object v = null;
      Object nested = null;
      if (unavailable == null && !policy.allowsRead(f.getDeclaringClass(), f.getName())) {
        unavailable = "denied by policy '" + policy.name() + "'";
      }
      if (unavailable == null) {
        if (redaction.redacts(f.getName())) {
          v = Redacted.INSTANCE;
        } else {
          try {
            v = f.get(isClass ? null : value);
            nested = nested(v, depth);
          } catch (IllegalAccessException | RuntimeException | ExceptionInInitializerError e) {
            unavailable = "unreadable: " + e;
          }
        }
      }
      out.add(ValueCodec.listOf(f.getName(), f.getGenericType().getTypeName(),
          (long) f.getModifiers(), unavailable == null ? codec.encode(v) : null, nested,
          unavailable));
    }
    return out;
  }

  private Object nested(Object v, int depth) {
    if (depth <= 0 || budget <= 0 || isCopied(v)) {
      return null;
    }
    return describe(v, depth - 1);
  }

  private static boolean isCopied(Object v) {
    return v == null || v instanceof String || v instanceof Number && ValueCodec.isJdkClass(
        v.getClass()) && isBoxed(v) || v instanceof Boolean || v instanceof Character
        || v instanceof Enum || v == Redacted.INSTANCE;
  }

  private static boolean isBoxed(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof Float || v instanceof Double;
  }

  /** A bounded toString for JDK value-like types; {@code null} for everything else. */
  private String summary(Object value) {
    String text;
    if (value instanceof Class) {
      text = ((Class<?>) value).getName();
    } else if (value instanceof Enum) {
      text = ((Enum<?>) value).name();
    } else if (value instanceof Throwable) {
      Throwable t = (Throwable) value;
      String message = mayCallGetMessage(t) ? safeMessage(t) : null;
      text = t.getClass().getName() + (message == null ? "" : ": " + message);
    } else if (isValueLike(value.getClass())) {
      try {
        text = String.valueOf(value);
      } catch (RuntimeException e) {
        text = "<toString() threw " + e.getClass().getName() + ">";
      }
    } else {
      return null;
    }
    return bound(text, maxChars);
  }

  private boolean mayCallGetMessage(Throwable t) {
    if (ValueCodec.isJdkClass(t.getClass())) {
      return true;
    }
    try {
      return policy.allowsCall(t.getClass(), t.getClass().getMethod("getMessage"));
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException e) {
      return "<getMessage() threw " + e.getClass().getName() + ">";
    }
  }

  /** JDK classes whose toString shows their whole value and runs no application code. */
  static boolean isValueLike(Class<?> type) {
    String name = type.getName();
    return type == String.class || type == Boolean.class || type == Character.class
        || (Number.class.isAssignableFrom(type) && ValueCodec.isJdkClass(type))
        || name.startsWith("java.time.") || name.equals("java.util.UUID")
        || name.equals("java.util.Date") || name.startsWith("java.sql.Timestamp")
        || name.equals("java.util.Locale") || name.equals("java.net.URI")
        || name.equals("java.net.URL") || name.equals("java.io.File")
        || name.startsWith("sun.nio.fs.") && name.endsWith("Path")
        || name.equals("java.lang.StringBuilder") || name.equals("java.lang.StringBuffer")
        || name.equals("java.util.regex.Pattern") || name.equals("java.util.Currency")
        || name.startsWith("java.nio.charset.") || name.equals("java.lang.StackTraceElement")
        || name.equals("java.lang.Thread$State");
  }

  static String bound(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, Math.max(0, maxChars)) + "… (" + text.length() + " chars)";
  }

  /** Client side: a description map back into a {@link Description}. */
  static Description decode(Object wire, ValueCodec codec) {
    if (!(wire instanceof Map)) {
      throw ValueCodec.invalid("description is not a map: " + ValueCodec.brief(wire));
    }
    Map<?, ?> m = (Map<?, ?>) wire;
    Object value = codec.decode(m.get("value"));
    Long hash = (Long) m.get("hash");
    Long length = (Long) m.get("length");
    List<Description.Element> elements = new ArrayList<>();
    Object we = m.get("elements");
    if (we != null) {
      for (Object x : (List<?>) we) {
        List<?> w = (List<?>) x;
        elements.add(new Description.Element(codec.decode(w.get(0)), codec.decode(w.get(1)),
            w.get(2) == null ? null : decode(w.get(2), codec)));
      }
    }
    List<Description.Field> fields = new ArrayList<>();
    Object wf = m.get("fields");
    if (wf != null) {
      for (Object x : (List<?>) wf) {
        List<?> w = (List<?>) x;
        fields.add(new Description.Field(ValueCodec.field(w, 0, String.class),
            ValueCodec.field(w, 1, String.class), (int) (long) ValueCodec.field(w, 2, Long.class),
            codec.decode(w.get(3)), w.get(4) == null ? null : decode(w.get(4), codec),
            ValueCodec.optional(w, 5, String.class)));
      }
    }
    return new Description(value, (String) m.get("type"), hash == null ? 0 : (int) (long) hash,
        (String) m.get("summary"),
        length == null ? OptionalInt.empty() : OptionalInt.of((int) (long) length), elements,
        fields);
  }
}
