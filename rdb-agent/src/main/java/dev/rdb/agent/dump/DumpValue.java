package dev.rdb.agent.dump;

/**
 * A value as a dump holds it: already in the form {@code docs/DUMP-FORMAT.md} gives it for its
 * declared type, so writing it needs neither the live object nor the type again.
 */
sealed interface DumpValue {

  /**
   * A JSON scalar: null, Boolean, Long, Integer, Double, Float, or String (a string, a char, a long
   * beyond 2^53, a NaN or infinity).
   *
   * @param text how the REPL shows it ({@code 3}, {@code 'Q'}, {@code "rush"}, {@code 2.5f})
   */
  record Scalar(Object json, String text) implements DumpValue {}

  /** A string cut to {@code text}; {@code length} is the full length. */
  record CutText(String text, int length) implements DumpValue {}

  /** Constant {@code name} of enum class {@code type}. */
  record EnumConstant(String type, String name) implements DumpValue {}

  /** A boxed primitive of class {@code boxClass} where the plain number would lose its class. */
  record Boxed(String boxClass, Scalar value) implements DumpValue {}

  /** A value whose name matched the redaction pattern. */
  enum Redacted implements DumpValue { INSTANCE }

  /** An object: recorded in the dump, or not ({@link ObjectNode#absence()}). */
  record Ref(ObjectNode node) implements DumpValue {}
}
