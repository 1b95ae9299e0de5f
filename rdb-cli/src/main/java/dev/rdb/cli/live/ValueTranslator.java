package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.core.EnumValue;
import dev.rdb.core.MapEntry;
import dev.rdb.core.Redacted;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.RemoteThrowable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns rdb-core's values and descriptions into the port's {@link Value}s and {@link Description}s,
 * and back for arguments. A remote object gets one opaque id ({@code "r12"}) for the life of the
 * session, so the renderer sees shared objects and cycles by id; the id maps back to the
 * {@link RemoteRef}, which this table keeps alive until the session ends (a debugging session looks
 * at a bounded number of objects, and the agent frees them all on disconnect).
 *
 * <p>Thread-safe: the REPL's command thread and its completer may both translate.
 */
final class ValueTranslator {
  private final Map<RemoteRef, String> ids = new HashMap<>();
  private final Map<String, RemoteRef> refs = new HashMap<>();
  private final Map<String, String> summaries = new HashMap<>();
  /** One reference per type name, so a shape can be asked for a type by name. */
  private final Map<String, RemoteRef> exemplars = new HashMap<>();

  /** The port's form of a value rdb-core returned. */
  synchronized Value value(Object core) {
    if (core == null) {
      return Value.NULL;
    }
    if (core instanceof String s) {
      return new Value.Text(s, s.length());
    }
    if (core instanceof Boolean || core instanceof Character || core instanceof Byte || core instanceof Short
        || core instanceof Integer || core instanceof Long || core instanceof Float || core instanceof Double) {
      return new Value.Primitive(core);
    }
    if (core instanceof EnumValue e) {
      return new Value.EnumConstant(e.type(), e.name());
    }
    if (core == Redacted.INSTANCE) {
      return Value.REDACTED;
    }
    if (core instanceof RemoteThrowable t) {
      return t.ref() == null ? new Value.Text(t.toString(), t.toString().length()) : ref(t.ref(), t.toString());
    }
    if (core instanceof RemoteRef r) {
      return ref(r, null);
    }
    if (core instanceof MapEntry entry) {
      String text = entry.key() + "=" + entry.value();
      return new Value.Text(text, text.length());
    }
    String text = String.valueOf(core);
    return new Value.Text(text, text.length());
  }

  /** The reference behind a value rdb-core returned, if it is an object of the target. */
  static Optional<RemoteRef> remoteOf(Object core) {
    if (core instanceof RemoteRef r) {
      return Optional.of(r);
    }
    if (core instanceof RemoteThrowable t && t.ref() != null) {
      return Optional.of(t.ref());
    }
    return Optional.empty();
  }

  private Value.ObjectRef ref(RemoteRef remote, String summary) {
    String id = ids.get(remote);
    if (id == null) {
      id = "r" + (ids.size() + 1);
      ids.put(remote, id);
      refs.put(id, remote);
    }
    if (summary != null) {
      summaries.putIfAbsent(id, summary);
    }
    String type = javaName(remote.typeName());
    exemplars.putIfAbsent(type, remote);
    return new Value.ObjectRef(id, type, summaries.getOrDefault(id, ""));
  }

  /** The reference an id stands for, if this session issued it. */
  synchronized Optional<RemoteRef> remote(String id) {
    return Optional.ofNullable(refs.get(id));
  }

  /** Some reference to an object of {@code typeName} seen in this session (for its shape). */
  synchronized Optional<RemoteRef> exemplar(String typeName) {
    return Optional.ofNullable(exemplars.get(typeName));
  }

  /**
   * The rdb-core argument for a port value: copied values as Java values, references as their
   * {@link RemoteRef}, list literals as lists.
   *
   * @throws IllegalArgumentException for a reference this session did not issue
   */
  synchronized Object argument(Value value) {
    if (value instanceof Value.Null) {
      return null;
    }
    if (value instanceof Value.Primitive p) {
      return p.boxed();
    }
    if (value instanceof Value.Text t) {
      if (t.isCut()) {
        throw new IllegalArgumentException("the string was cut to " + t.text().length() + " of " + t.length()
            + " characters: it cannot be passed back whole");
      }
      return t.text();
    }
    if (value instanceof Value.EnumConstant e) {
      return new EnumValue(e.type(), e.name());
    }
    if (value instanceof Value.ObjectRef r) {
      RemoteRef remote = refs.get(r.id());
      if (remote == null) {
        throw new IllegalArgumentException("unknown object " + r.id() + " (" + r.type() + ")");
      }
      return remote;
    }
    if (value instanceof Value.ListValue list) {
      List<Object> out = new ArrayList<>();
      for (Value element : list.elements()) {
        out.add(argument(element));
      }
      return out;
    }
    throw new IllegalArgumentException("a redacted value cannot be passed to the target");
  }

  /** The port's graph of rdb-core descriptions, nested descriptions included. */
  synchronized ObjectGraph graph(List<dev.rdb.core.Description> descriptions) {
    Map<String, Description> out = new HashMap<>();
    for (dev.rdb.core.Description d : descriptions) {
      add(d, out);
    }
    return ObjectGraph.of(out);
  }

  /** Adds {@code d} and everything described inside it to {@code out}. */
  synchronized void add(dev.rdb.core.Description d, Map<String, Description> out) {
    if (d == null) {
      return;
    }
    Optional<RemoteRef> remote = remoteOf(d.value());
    if (remote.isEmpty()) {
      return;
    }
    Value.ObjectRef ref = ref(remote.get(), d.summary());
    List<Value> elements = new ArrayList<>();
    List<Description.Entry> entries = new ArrayList<>();
    List<Description.Field> fields = new ArrayList<>();
    Description.Kind kind = kind(ref.type(), d);
    boolean complete = true;
    for (dev.rdb.core.Description.Element element : d.elements()) {
      if (kind == Description.Kind.MAP) {
        entries.add(new Description.Entry(value(element.key()), value(element.value())));
      } else {
        elements.add(value(element.value()));
      }
    }
    for (dev.rdb.core.Description.Field field : d.fields()) {
      if (field.unavailable() != null) {
        complete = false;
        continue;
      }
      fields.add(new Description.Field(field.name(), field.declaredType(), value(field.value())));
    }
    int size = kind == Description.Kind.OBJECT ? fields.size() : d.length().orElse(d.elements().size());
    if (kind != Description.Kind.OBJECT) {
      complete = d.elements().size() >= size;
    }
    out.putIfAbsent(ref.id(), new Description(ref, Integer.toHexString(d.identityHash()), kind, size, elements,
        entries, fields, complete));
    for (dev.rdb.core.Description.Element element : d.elements()) {
      add(element.description(), out);
    }
    for (dev.rdb.core.Description.Field field : d.fields()) {
      add(field.description(), out);
    }
  }

  /**
   * How a described object is shown. rdb-core sends a length and elements for arrays, collections
   * and maps alike (and no fields for them); a map's elements carry keys, a collection's carry
   * their index. The type name decides first, so an empty map or one keyed 0, 1, 2 stays a map.
   */
  private static Description.Kind kind(String type, dev.rdb.core.Description d) {
    if (type.endsWith("[]")) {
      return Description.Kind.ARRAY;
    }
    boolean container = d.length().isPresent() && d.summary() == null && d.fields().isEmpty();
    if (!container) {
      return Description.Kind.OBJECT;
    }
    if (type.endsWith("Map") || type.contains("$Map")) {
      return Description.Kind.MAP;
    }
    List<dev.rdb.core.Description.Element> elements = d.elements();
    for (int i = 0; i < elements.size(); i++) {
      if (!(elements.get(i).key() instanceof Integer index) || index != i) {
        return Description.Kind.MAP;
      }
    }
    return Description.Kind.COLLECTION;
  }

  /**
   * A class name as Java source writes it: {@code [I} becomes {@code int[]},
   * {@code [Lcom.acme.Order;} becomes {@code com.acme.Order[]}; other names are unchanged.
   */
  static String javaName(String name) {
    if (name == null || !name.startsWith("[")) {
      return name == null ? "?" : name;
    }
    int dims = 0;
    while (dims < name.length() && name.charAt(dims) == '[') {
      dims++;
    }
    String element = switch (name.substring(dims)) {
      case "Z" -> "boolean";
      case "B" -> "byte";
      case "C" -> "char";
      case "S" -> "short";
      case "I" -> "int";
      case "J" -> "long";
      case "F" -> "float";
      case "D" -> "double";
      default -> {
        String rest = name.substring(dims);
        yield rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1) : rest;
      }
    };
    return element + "[]".repeat(dims);
  }
}
