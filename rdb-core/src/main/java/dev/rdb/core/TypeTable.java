package dev.rdb.core;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Per-connection type ids for the classes this end sends references to. Classes are held weakly
 * so a connection never keeps an application's class loader alive.
 */
final class TypeTable {
  private final Map<Class<?>, Long> ids = new WeakHashMap<>();
  private final Map<Long, WeakReference<Class<?>>> classes = new HashMap<>();
  private long nextId = 1;

  synchronized long idOf(Class<?> type) {
    Long id = ids.get(type);
    if (id == null) {
      id = nextId++;
      ids.put(type, id);
      classes.put(id, new WeakReference<>(type));
    }
    return id;
  }

  synchronized Class<?> lookup(long id) {
    WeakReference<Class<?>> ref = classes.get(id);
    Class<?> type = ref == null ? null : ref.get();
    if (type == null) {
      throw new OperationFailure(OperationFailure.INVALID, "unknown type id " + id);
    }
    return type;
  }
}
