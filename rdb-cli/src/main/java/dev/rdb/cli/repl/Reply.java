package dev.rdb.cli.repl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;

/**
 * What a command produced: lines for people, and the same result as data for {@code --json}
 * (maps, lists, strings, numbers, booleans and nulls only).
 */
public record Reply(List<AttributedString> lines, Map<String, Object> data, boolean quit) {
  public Reply {
    lines = List.copyOf(lines);
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  static Reply of(List<AttributedString> lines, Map<String, Object> data) {
    return new Reply(lines, data, false);
  }

  static Reply text(String line, Map<String, Object> data) {
    return new Reply(List.of(new AttributedString(line)), data, false);
  }
}
