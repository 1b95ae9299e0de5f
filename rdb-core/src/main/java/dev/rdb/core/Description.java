package dev.rdb.core;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code describe} tells about one value in a single round trip.
 *
 * @param value the described value itself (a {@link RemoteRef}, or a copied value)
 * @param typeName binary name of its runtime class ({@code null} for {@code null})
 * @param identityHash {@code System.identityHashCode} on the remote side
 * @param summary a bounded {@code toString} for JDK value-like types (numbers, {@code java.time},
 *     {@code UUID}, {@code Class}, JDK throwables…), else {@code null}
 * @param length length or size of arrays, collections, maps and strings; empty otherwise
 * @param elements the first elements (with their index) or map entries (with their key)
 * @param fields the fields: instance fields for objects, static fields for a {@code Class}
 */
public record Description(Object value, String typeName, int identityHash, String summary,
    OptionalInt length, List<Element> elements, List<Field> fields) {

  public Description {
    elements = List.copyOf(elements);
    fields = List.copyOf(fields);
  }

  /** The field named {@code name}, if described. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * One field.
   *
   * @param name field name
   * @param declaredType declared type in Java source form, e.g. {@code java.util.List<Item>}
   * @param modifiers {@link java.lang.reflect.Modifier} bits
   * @param value the value ({@link Redacted} when the name is redacted; {@code null} when
   *     unavailable)
   * @param description the value described one level deeper, or {@code null} (depth exhausted,
   *     copied value, unavailable)
   * @param unavailable why the value could not be read (policy, module access), or {@code null}
   */
  public record Field(String name, String declaredType, int modifiers, Object value,
      Description description, String unavailable) {}

  /**
   * One element of an array, collection or map.
   *
   * @param key the index ({@link Integer}) or, for maps, the key
   * @param value the element or mapped value
   * @param description the value described one level deeper, or {@code null}
   */
  public record Element(Object key, Object value, Description description) {}
}
