package dev.rdb.cli.debuggee;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Type shapes fetched once per type for the life of a target (one round trip per type, none per
 * keystroke). A lookup that fails is remembered as unknown, yields nothing, and bumps
 * {@link #failedLookups()}: completion must never disturb the user with a target error.
 */
public final class ShapeCache {
  private final ObjectPort port;
  private final Map<String, Optional<TypeShape>> shapes = new ConcurrentHashMap<>();
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong failedLookups = new AtomicLong();

  public ShapeCache(ObjectPort port) {
    this.port = port;
  }

  public Optional<TypeShape> shape(String typeName) {
    return shapes.computeIfAbsent(typeName, this::fetch);
  }

  private Optional<TypeShape> fetch(String typeName) {
    lookups.incrementAndGet();
    try {
      return port.shape(typeName);
    } catch (TargetException e) {
      failedLookups.incrementAndGet();
      return Optional.empty();
    }
  }

  /** How many shapes were fetched from the target (cache misses). */
  public long lookups() {
    return lookups.get();
  }

  /** How many fetches failed. */
  public long failedLookups() {
    return failedLookups.get();
  }
}
