package dev.rdb.core;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The objects one end exports to its peer: id ↔ object, with a count of how many times each id
 * was sent. The peer sends RELEASE(id, n) when its handle dies, after receiving the id n times; an
 * entry goes when its count reaches zero, so an id in flight is never freed under the peer.
 *
 * <p>Invariants: {@code byId} and {@code byObject} hold the same entries; every count is positive.
 * Methods hold the monitor only for map work and never call out.
 */
final class ObjectTable {
  private static final class Export {
    final long id;
    final Object object;
    long count;

    Export(long id, Object object) {
      this.id = id;
      this.object = object;
    }
  }

  /** Bound on live exports per connection, so a peer that never releases cannot fill the heap. */
  static final int DEFAULT_MAX_EXPORTS = 1_000_000;

  private final int maxExports;
  private final Map<Long, Export> byId = new HashMap<>();
  private final Map<Object, Export> byObject = new IdentityHashMap<>();
  private long nextId = 1;
  private boolean closed;

  ObjectTable() {
    this(DEFAULT_MAX_EXPORTS);
  }

  ObjectTable(int maxExports) {
    this.maxExports = maxExports;
  }

  /** The id of {@code object}, exporting it if needed, and counts one more send. */
  synchronized long export(Object object) {
    Export e = byObject.get(object);
    if (e == null) {
      if (byId.size() >= maxExports) {
        throw new OperationFailure(OperationFailure.INVALID, "this end already exports "
            + byId.size() + " objects to the peer, its limit; the peer must release some");
      }
      e = new Export(nextId++, object);
      if (!closed) {
        byObject.put(object, e);
        byId.put(e.id, e);
      }
    }
    e.count++;
    return e.id;
  }

  /** The object exported as {@code id}. */
  synchronized Object lookup(long id) {
    Export e = byId.get(id);
    if (e == null) {
      throw new OperationFailure(OperationFailure.INVALID, "no object with id " + id
          + " is exported on this connection (never exported, or already released)");
    }
    return e.object;
  }

  /** The object exported as {@code id}, or null. */
  synchronized Object peek(long id) {
    Export e = byId.get(id);
    return e == null ? null : e.object;
  }

  /** Applies a RELEASE of {@code count} sends of {@code id}; returns false for an unknown id. */
  synchronized boolean release(long id, long count) {
    Export e = byId.get(id);
    if (e == null || count <= 0) {
      return false;
    }
    e.count -= count;
    if (e.count <= 0) {
      byId.remove(id);
      byObject.remove(e.object);
    }
    return true;
  }

  synchronized int size() {
    return byId.size();
  }

  /** Frees everything, for a closed connection; later exports are not retained. */
  synchronized void clear() {
    closed = true;
    byId.clear();
    byObject.clear();
  }
}
