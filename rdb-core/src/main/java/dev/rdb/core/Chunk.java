package dev.rdb.core;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** Elements from one slice reply, and whether the remote sequence has more after them. */
final class Chunk extends AbstractList<Object> implements RandomAccess {
  private final List<Object> elements;
  private final boolean more;

  Chunk(List<Object> elements, boolean more) {
    this.elements = elements;
    this.more = more;
  }

  boolean more() {
    return more;
  }

  @Override
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
