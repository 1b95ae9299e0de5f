package dev.rdb.agent.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * One object reached from the locals: its id and, once the walk read it, its contents. Written by
 * the walking thread only; the writers read it after the walk.
 */
final class ObjectNode {

  enum Kind { OBJECT, ARRAY, COLLECTION, MAP }

  /** A field, element type or map entry as recorded. */
  record Field(String name, String type, DumpValue value) {}

  record Entry(DumpValue key, DumpValue value) {}

  final String id;
  final String type;
  final String identity;
  final String summary;
  /** A JDK value class (BigDecimal, Instant, …): shown by its summary, no fields. */
  final boolean valueClass;
  /** Objects the locals point to are at depth 1. */
  final int depth;
  Kind kind = Kind.OBJECT;
  final List<Field> fields = new ArrayList<>();
  boolean fieldsTruncated;
  int size;
  final List<DumpValue> elements = new ArrayList<>();
  final List<Entry> entries = new ArrayList<>();
  /** Null while recorded (or not yet decided); else why the object is not in the dump. */
  private String absence;
  private boolean recorded;

  ObjectNode(String id, String type, String identity, String summary, boolean valueClass, int depth) {
    this.id = id;
    this.type = type;
    this.identity = identity;
    this.summary = summary;
    this.valueClass = valueClass;
    this.depth = depth;
  }

  void record() {
    recorded = true;
    absence = null;
  }

  /** Leaves the object out of the dump, for {@code reason} ({@code "depth"} or {@code "budget"}). */
  void leaveOut(String reason) {
    recorded = false;
    absence = reason;
  }

  boolean recorded() {
    return recorded;
  }

  /** Why the object is not in the dump; null when it is. */
  String absence() {
    return recorded ? null : absence == null ? "budget" : absence;
  }
}
