package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;

/**
 * A value as the debugger sees it: copied scalars, references to objects that stay in the target,
 * and the answer a target gives instead of a value ({@link Redacted}). An object the target did not
 * record is still an {@link ObjectRef}: its type and summary are known, and member access on it
 * answers why it is missing.
 * Mirrors rdb-core's copy rules: null, Boolean, Character, Byte, Short, Integer, Long, Float,
 * Double, String, EnumValue, RemoteRef.
 */
public sealed interface Value
    permits Value.Null, Value.Primitive, Value.Text, Value.EnumConstant, Value.ObjectRef,
        Value.ListValue, Value.Redacted {

  Null NULL = new Null();
  Redacted REDACTED = new Redacted();

  static Value of(Object boxedOrString) {
    if (boxedOrString == null) {
      return NULL;
    }
    if (boxedOrString instanceof String s) {
      return new Text(s, s.length());
    }
    return new Primitive(boxedOrString);
  }

  /** The Java type name of this value as a user would write it ({@code int}, {@code String}). */
  String typeName();

  /** {@code null}. */
  record Null() implements Value {
    @Override
    public String typeName() {
      return "null";
    }
  }

  /**
   * A primitive, boxed: Boolean, Character, Byte, Short, Integer, Long, Float or Double. Boxed
   * primitives held in reference-typed slots are copied like primitives (rdb-core does the same).
   */
  record Primitive(Object boxed) implements Value {
    public Primitive {
      Objects.requireNonNull(boxed, "boxed");
      if (!(boxed instanceof Boolean || boxed instanceof Character || boxed instanceof Number)) {
        throw new IllegalArgumentException("not a boxed primitive: " + boxed.getClass().getName());
      }
      if (boxed instanceof Number n
          && !(n instanceof Byte || n instanceof Short || n instanceof Integer
              || n instanceof Long || n instanceof Float || n instanceof Double)) {
        throw new IllegalArgumentException("not a boxed primitive: " + boxed.getClass().getName());
      }
    }

    @Override
    public String typeName() {
      if (boxed instanceof Boolean) return "boolean";
      if (boxed instanceof Character) return "char";
      if (boxed instanceof Byte) return "byte";
      if (boxed instanceof Short) return "short";
      if (boxed instanceof Integer) return "int";
      if (boxed instanceof Long) return "long";
      if (boxed instanceof Float) return "float";
      return "double";
    }
  }

  /**
   * A string. {@code length} is the full length in the target; {@code text} may be a prefix of it
   * when the target cut it (dump limits, bounded transfer).
   */
  record Text(String text, int length) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
      if (length < text.length()) {
        throw new IllegalArgumentException("length < text.length(): " + length);
      }
    }

    public boolean isCut() {
      return length > text.length();
    }

    @Override
    public String typeName() {
      return "String";
    }
  }

  /** An enum constant, by its class's binary name and the constant's name. */
  record EnumConstant(String type, String name) implements Value {
    public EnumConstant {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String typeName() {
      return type;
    }
  }

  /**
   * An object that stays in the target. {@code id} is opaque and only meaningful to the target
   * that issued it; {@code summary} is its bounded toString, used where no description is at hand.
   */
  record ObjectRef(String id, String type, String summary) implements Value {
    public ObjectRef {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      summary = summary == null ? "" : summary;
    }

    @Override
    public String typeName() {
      return type;
    }
  }

  /** A list written in an expression ({@code [1, 2, 3]}), passed to calls as a java.util.List. */
  record ListValue(List<Value> elements) implements Value {
    public ListValue {
      elements = List.copyOf(elements);
    }

    @Override
    public String typeName() {
      return "List";
    }
  }

  /** The target refused to show this value (its name matched the redaction pattern). */
  record Redacted() implements Value {
    @Override
    public String typeName() {
      return "?";
    }
  }
}
