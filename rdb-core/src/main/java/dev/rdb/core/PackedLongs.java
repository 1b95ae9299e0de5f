package dev.rdb.core;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of longs kept unboxed: what slices of ints and longs are built from on the
 * serving side and what the decoder makes of an all-integer array. It is an ordinary marshallable
 * {@code List} of {@link Long} to anyone who reads it through {@code get}; the codec reads
 * {@link #at} and never boxes, which is most of the cost of moving a million integers.
 */
final class PackedLongs extends AbstractList<Object> implements RandomAccess {
  private final long[] values;
  private final int size;

  /** Takes ownership of {@code values[0, size)}. */
  PackedLongs(long[] values, int size) {
    if (size < 0 || size > values.length) {
      throw new IllegalArgumentException("size " + size + " outside [0, " + values.length + "]");
    }
    this.values = values;
    this.size = size;
  }

  long at(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of bounds for length " + size);
    }
    return values[index];
  }

  @Override
  public Object get(int index) {
    return at(index);
  }

  @Override
  public int size() {
    return size;
  }
}
