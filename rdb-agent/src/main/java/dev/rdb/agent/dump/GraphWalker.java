package dev.rdb.agent.dump;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.FrameView;
import dev.rdb.agent.store.LocalView;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Literals;
import dev.rdb.core.Redaction;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads post-mortems and the objects their locals reach into a {@link Snapshot}, breadth first, so
 * that when the byte budget runs out the objects kept are the nearest ones. Each object is read
 * once (an object reached twice, or in a cycle, is one node) and never through application code:
 * fields reflectively, JDK collections through JDK methods ({@link JdkClasses}).
 *
 * <p>One walker per dump, used by one thread.
 */
final class GraphWalker {

  private static final int MAX_CAUSES = 32;
  private static final long EXACT_IN_DOUBLE = 1L << 53;
  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  private final DumpLimits limits;
  private final Redaction redaction;
  private final Counters counters;
  private final Map<Object, ObjectNode> nodes = new IdentityHashMap<>();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final List<ObjectNode> recorded = new ArrayList<>();

  /** An object reached and not read yet; the live object is held only until it is read. */
  private record Pending(ObjectNode node, Object live) {}

  GraphWalker(DumpLimits limits, Redaction redaction, Counters counters) {
    this.limits = limits;
    this.redaction = redaction;
    this.counters = counters;
  }

  /** Reads {@code postMortems}; {@code header} measures the document without its objects. */
  Snapshot walk(List<PostMortemView> postMortems, DumpJson.Header header) {
    List<Snapshot.PostMortem> pms = new ArrayList<>();
    for (PostMortemView pm : postMortems) {
      pms.add(postMortem(pm));
    }
    long used = DumpJson.measureWithoutObjects(pms, limits, header);
    boolean truncated = false;
    while (!queue.isEmpty()) {
      Pending next = queue.removeFirst();
      ObjectNode node = next.node();
      if (truncated) {
        node.leaveOut("budget");
        continue;
      }
      read(node, next.live());
      long size = DumpJson.measureObject(node);
      if (used + size <= limits.budgetBytes()) {
        node.record();
        recorded.add(node);
        used += size;
      } else {
        node.leaveOut("budget");
        truncated = true;
      }
    }
    return new Snapshot(pms, recorded, limits, truncated);
  }

  private Snapshot.PostMortem postMortem(PostMortemView pm) {
    List<Snapshot.Frame> frames = new ArrayList<>();
    for (FrameView f : pm.frames()) {
      List<Snapshot.Local> locals = new ArrayList<>();
      for (LocalView l : f.locals()) {
        locals.add(new Snapshot.Local(l.name(), l.type(), l.argument(), value(l.value(), l.type(), l.name(), 1)));
      }
      frames.add(new Snapshot.Frame(f.className(), f.methodName(), f.fileName(), f.line(), f.captured(),
          f.namesAvailable(), locals));
    }
    return new Snapshot.PostMortem(pm.id(), pm.time(), pm.thread(), pm.name(),
        exception(pm.throwable(), pm.exceptionType(), pm.message()), frames);
  }

  /**
   * The throwable and its causes by name. Calls {@code getCause()}, {@code getMessage()} and
   * {@code getStackTrace()}, as the store does when it promotes: the one place a dump runs methods
   * an application class may override, because a throwable's meaning is in them.
   */
  private Snapshot.ExceptionInfo exception(Throwable top, String type, String message) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    try {
      for (Throwable t = top; t != null && chain.size() < MAX_CAUSES && seen.put(t, true) == null;
          t = t.getCause()) {
        chain.add(t);
      }
    } catch (Throwable t) {
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "cause chain", t);
    }
    Snapshot.ExceptionInfo info = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable t = chain.get(i);
      String m = i == 0 ? message : message(t);
      info = new Snapshot.ExceptionInfo(i == 0 ? type : t.getClass().getName(), m, stack(t), info);
    }
    return info != null ? info : new Snapshot.ExceptionInfo(type, message, List.of(), null);
  }

  private String message(Throwable t) {
    try {
      return t.getMessage();
    } catch (Throwable e) {
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "getMessage of " + t.getClass().getName(), e);
      return null;
    }
  }

  private List<String> stack(Throwable t) {
    try {
      List<String> lines = new ArrayList<>();
      for (StackTraceElement e : t.getStackTrace()) {
        lines.add(e.toString());
      }
      return lines;
    } catch (Throwable e) {
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "getStackTrace of " + t.getClass().getName(), e);
      return List.of();
    }
  }

  /** {@code v} in a slot of {@code declared} type called {@code name} (null: no name). */
  private DumpValue value(Object v, String declared, String name, int depth) {
    if (name != null && redaction.redacts(name)) {
      return DumpValue.Redacted.INSTANCE;
    }
    if (v == null) {
      return new DumpValue.Scalar(null, "null");
    }
    if (declared != null && PRIMITIVES.contains(declared)) {
      DumpValue.Scalar s = primitive(v);
      if (s != null) {
        return s;
      }
    }
    return reference(v, depth);
  }

  private DumpValue reference(Object v, int depth) {
    if (v instanceof String s) {
      return text(s);
    }
    Class<?> c = v.getClass();
    if (c == Integer.class || c == Boolean.class
        || c == Double.class && Double.isFinite((Double) v)) {
      return primitive(v);
    }
    if (c == Long.class || c == Short.class || c == Byte.class || c == Character.class
        || c == Float.class || c == Double.class) {
      return new DumpValue.Boxed(c.getName(), primitive(v));
    }
    if (v instanceof Enum<?> e) {
      // name() and getDeclaringClass() are final: no application code runs.
      return new DumpValue.EnumConstant(e.getDeclaringClass().getName(), e.name());
    }
    return new DumpValue.Ref(node(v, depth));
  }

  /** A boxed primitive as its JSON form; null when {@code v} is not one. */
  private static DumpValue.Scalar primitive(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return new DumpValue.Scalar(((Number) v).longValue(), v.toString());
    }
    if (v instanceof Long l) {
      return new DumpValue.Scalar(l > EXACT_IN_DOUBLE || l < -EXACT_IN_DOUBLE ? (Object) l.toString() : l,
          l.toString());
    }
    if (v instanceof Double d) {
      return new DumpValue.Scalar(Double.isFinite(d) ? (Object) d : d.toString(), d.toString());
    }
    if (v instanceof Float f) {
      return new DumpValue.Scalar(Float.isFinite(f) ? (Object) f : f.toString(), f + "f");
    }
    if (v instanceof Boolean b) {
      return new DumpValue.Scalar(b, b.toString());
    }
    if (v instanceof Character ch) {
      return new DumpValue.Scalar(String.valueOf(ch), "'" + Literals.escape(String.valueOf(ch), '\'') + "'");
    }
    return null;
  }

  private DumpValue text(String s) {
    if (s.length() <= limits.stringLength()) {
      return new DumpValue.Scalar(s, null);
    }
    int end = limits.stringLength();
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return new DumpValue.CutText(s.substring(0, end), s.length());
  }

  private ObjectNode node(Object v, int depth) {
    ObjectNode node = nodes.get(v);
    if (node != null) {
      return node;
    }
    Class<?> c = v.getClass();
    boolean valueClass = JdkClasses.isValueClass(v);
    node = new ObjectNode("o" + (nodes.size() + 1), c.getTypeName(),
        Integer.toHexString(System.identityHashCode(v)), summary(v, c, valueClass), valueClass, depth);
    nodes.put(v, node);
    if (depth > limits.depth()) {
      node.leaveOut("depth");
    } else {
      queue.addLast(new Pending(node, v));
    }
    return node;
  }

  /** A one-line description that runs no application code. */
  private String summary(Object v, Class<?> c, boolean valueClass) {
    try {
      if (valueClass) {
        String s = v instanceof Class<?> k ? k.getTypeName()
            : v instanceof CharSequence cs && cs.length() > limits.stringLength()
                ? cs.subSequence(0, limits.stringLength()) + "…" : v.toString();
        return s.length() > limits.stringLength() ? s.substring(0, limits.stringLength()) + "…" : s;
      }
      if (c.isArray()) {
        String component = c.getComponentType().getTypeName();
        return DumpText.simple(component) + "[" + Array.getLength(v) + "]";
      }
      if (JdkClasses.isIterableCollection(v)) {
        return DumpText.simple(c.getName()) + " size=" + ((Collection<?>) v).size();
      }
      if (JdkClasses.isIterableMap(v)) {
        return DumpText.simple(c.getName()) + " size=" + ((Map<?, ?>) v).size();
      }
    } catch (Throwable t) {
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "summary of " + c.getName(), t);
    }
    return DumpText.simple(c.getName()) + "@" + Integer.toHexString(System.identityHashCode(v));
  }

  /** Fills {@code node} from the live object {@code v}; objects it reaches join the queue. */
  private void read(ObjectNode node, Object v) {
    int childDepth = node.depth + 1;
    Class<?> c = v.getClass();
    try {
      if (c.isArray()) {
        node.kind = ObjectNode.Kind.ARRAY;
        int length = Array.getLength(v);
        node.size = length;
        String component = c.getComponentType().getTypeName();
        for (int i = 0; i < length && i < limits.elements(); i++) {
          node.elements.add(value(Array.get(v, i), component, null, childDepth));
        }
      } else if (node.valueClass) {
        node.kind = ObjectNode.Kind.OBJECT;
      } else if (JdkClasses.isIterableCollection(v)) {
        node.kind = ObjectNode.Kind.COLLECTION;
        Collection<?> collection = (Collection<?>) v;
        node.size = collection.size();
        Iterator<?> it = collection.iterator();
        for (int i = 0; i < limits.elements() && it.hasNext(); i++) {
          node.elements.add(value(it.next(), null, null, childDepth));
        }
      } else if (JdkClasses.isIterableMap(v)) {
        node.kind = ObjectNode.Kind.MAP;
        Map<?, ?> map = (Map<?, ?>) v;
        node.size = map.size();
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        for (int i = 0; i < limits.elements() && it.hasNext(); i++) {
          Map.Entry<?, ?> e = it.next();
          Object key = e.getKey();
          node.entries.add(new ObjectNode.Entry(value(key, null, null, childDepth),
              value(e.getValue(), null, key instanceof String k ? k : null, childDepth)));
        }
      } else {
        fields(node, v, childDepth);
      }
    } catch (Throwable t) {
      // Changed while being read (ConcurrentModificationException), or a JDK method failed: what
      // was read so far stays; size says what is missing.
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "reading " + c.getName(), t);
      if (node.kind == ObjectNode.Kind.OBJECT) {
        node.fieldsTruncated = true;
      }
    }
  }

  private void fields(ObjectNode node, Object v, int childDepth) {
    node.kind = ObjectNode.Kind.OBJECT;
    InstanceFields table = InstanceFields.of(v.getClass());
    node.fieldsTruncated = table.someClosed() || table.readable().size() > limits.fields();
    for (InstanceFields.Readable r : table.readable()) {
      if (node.fields.size() == limits.fields()) {
        break;
      }
      Object fieldValue;
      try {
        fieldValue = r.field().get(v);
      } catch (Throwable t) {
        counters.error(Counter.DUMP_VALUE_UNREADABLE, "field " + r.field(), t);
        node.fieldsTruncated = true;
        continue;
      }
      node.fields.add(new ObjectNode.Field(r.field().getName(), r.type(),
          value(fieldValue, r.type(), r.field().getName(), childDepth)));
    }
  }
}
