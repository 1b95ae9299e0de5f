package dev.rdb.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and copies marshallable values (see {@link Channel}) for channels that do not encode. */
final class Marshallables {
  private Marshallables() {}

  /**
   * Returns an unmodifiable deep copy of {@code value}, so that sender and receiver never share a
   * mutable list, map or array; throws {@link IllegalArgumentException} naming the first value that
   * is not marshallable and where it sits.
   */
  static Object copy(Object value) {
    return copy(value, "message", 0);
  }

  private static Object copy(Object value, String path, int depth) {
    if (depth > FrameCodec.MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + FrameCodec.MAX_DEPTH + " at " + path);
    }
    if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Double
        || value instanceof String) {
      return value;
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).clone();
    }
    if (value instanceof PackedLongs) {
      return value;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> out = new ArrayList<>(list.size());
      int i = 0;
      for (Object element : list) {
        out.add(copy(element, path + "[" + i++ + "]", depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("map key is not a String at " + path + ": " + e.getKey());
        }
        String key = (String) e.getKey();
        out.put(key, copy(e.getValue(), path + "." + key, depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    throw new IllegalArgumentException(
        "not marshallable at " + path + ": " + value.getClass().getName());
  }
}
