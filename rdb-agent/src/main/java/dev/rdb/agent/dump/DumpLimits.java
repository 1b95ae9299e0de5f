package dev.rdb.agent.dump;

/**
 * How much of the object graph a dump keeps.
 *
 * @param depth levels of objects below a local (1: only the objects locals point to)
 * @param elements elements or entries kept per array, collection or map
 * @param stringLength characters kept per string
 * @param fields instance fields kept per object
 * @param budgetBytes size of the JSON file the objects may fill; the nearest objects are kept
 */
public record DumpLimits(int depth, int elements, int stringLength, int fields, long budgetBytes) {

  /** Depth 3, 100 elements, 1,000 characters, 50 fields, 1 MiB. */
  public static final DumpLimits DEFAULTS = new DumpLimits(3, 100, 1_000, 50, 1L << 20);

  public DumpLimits {
    if (depth < 0) {
      throw new IllegalArgumentException("depth < 0: " + depth);
    }
    if (elements < 0) {
      throw new IllegalArgumentException("elements < 0: " + elements);
    }
    if (stringLength < 1) {
      throw new IllegalArgumentException("stringLength < 1: " + stringLength);
    }
    if (fields < 0) {
      throw new IllegalArgumentException("fields < 0: " + fields);
    }
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("budgetBytes < 0: " + budgetBytes);
    }
  }
}
