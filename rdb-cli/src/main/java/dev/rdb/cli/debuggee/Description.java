package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/**
 * One object as rdb-core's {@code describe} returns it: type, identity hash (hex), bounded summary,
 * and by {@link Kind}: for arrays and collections the size and first elements, for maps the size and
 * first entries, for other objects the fields. Values inside are themselves {@link Value}s; the
 * objects they refer to are described in the same {@link ObjectGraph} when they were within depth.
 *
 * @param complete false when the target held back some elements, entries or fields (limits)
 */
public record Description(
    Value.ObjectRef ref,
    String identity,
    Kind kind,
    int size,
    List<Value> elements,
    List<Entry> entries,
    List<Field> fields,
    boolean complete) {

  public Description {
    Objects.requireNonNull(ref, "ref");
    identity = identity == null ? "" : identity;
    Objects.requireNonNull(kind, "kind");
    elements = List.copyOf(elements);
    entries = List.copyOf(entries);
    fields = List.copyOf(fields);
  }

  public String type() {
    return ref.type();
  }

  /** How an object is shown and indexed. */
  public enum Kind { OBJECT, ARRAY, COLLECTION, MAP }

  /** A field of an object: name, declared type (Java source form) and value. */
  public record Field(String name, String declaredType, Value value) {
    public Field {
      Objects.requireNonNull(name, "name");
      declaredType = declaredType == null ? "?" : declaredType;
      Objects.requireNonNull(value, "value");
    }
  }

  /** A map entry. */
  public record Entry(Value key, Value value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
