package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.Value;
import java.util.List;

/** One recorded object of a dump, values already decoded. */
record ObjectRecord(
    Value.ObjectRef ref,
    String identity,
    Description.Kind kind,
    List<String> supertypes,
    List<Description.Field> fields,
    boolean fieldsTruncated,
    int size,
    List<Value> elements,
    List<Description.Entry> entries) {

  ObjectRecord {
    supertypes = List.copyOf(supertypes);
    fields = List.copyOf(fields);
    elements = List.copyOf(elements);
    entries = List.copyOf(entries);
  }

  boolean complete() {
    return switch (kind) {
      case OBJECT -> !fieldsTruncated;
      case MAP -> entries.size() >= size;
      default -> elements.size() >= size;
    };
  }

  Description describe() {
    return new Description(ref, identity, kind, size, elements, entries, fields, complete());
  }
}
