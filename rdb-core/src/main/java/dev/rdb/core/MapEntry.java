package dev.rdb.core;

/**
 * One entry of a remote map, as returned by slicing or describing the map.
 *
 * @param key the key (a value: copied or a {@link RemoteRef})
 * @param value the value (a value: copied or a {@link RemoteRef})
 */
public record MapEntry(Object key, Object value) {}
