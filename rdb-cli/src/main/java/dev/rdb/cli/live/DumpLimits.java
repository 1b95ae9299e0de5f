package dev.rdb.cli.live;

/**
 * How much of a target's object graph {@code rdb dump} writes (the agent's dump writer uses the
 * same defaults, issue 6): objects down to {@code depth} references from a local, the first
 * {@code elements} of each array, collection or map, strings cut to {@code stringLength}
 * characters, the first {@code fields} fields of an object, and at most {@code budgetBytes} of
 * objects per dump, nearest objects first.
 */
public record DumpLimits(int depth, int elements, int stringLength, int fields, int budgetBytes) {
  public static final DumpLimits DEFAULT = new DumpLimits(3, 100, 1_000, 50, 1 << 20);

  public DumpLimits {
    if (depth < 0 || elements < 0 || stringLength < 1 || fields < 0 || budgetBytes < 0) {
      throw new IllegalArgumentException("dump limits must not be negative: " + depth + ", " + elements + ", "
          + stringLength + ", " + fields + ", " + budgetBytes);
    }
  }
}
