package dev.rdb.agent.start;

import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.serve.ServeOptions;
import dev.rdb.agent.store.CaptureMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Parses {@code -javaagent:rdb-agent.jar=key=value,key=value} the JaCoCo way: comma-separated
 * options, class patterns separated by {@code :}. An unknown key, a repeated key or a bad value is an
 * {@link IllegalArgumentException} whose message is the one line the agent prints before disabling
 * itself. Adding an option is one line in {@link #OPTIONS} (and a field in {@link AgentOptions}).
 */
final class OptionsParser {

  private static final Map<String, BiConsumer<AgentOptions.Builder, String>> OPTIONS = new TreeMap<>();

  static {
    OPTIONS.put("includes", (b, v) -> b.includes(patterns("includes", v)));
    OPTIONS.put("excludes", (b, v) -> b.excludes(patterns("excludes", v)));
    OPTIONS.put("locals", (b, v) -> b.locals(choice("locals", v, LocalsMode.class)));
    OPTIONS.put("capture", (b, v) -> b.capture(choice("capture", v, CaptureMode.class)));
    OPTIONS.put("keep", (b, v) -> b.keep(positive("keep", v)));
    OPTIONS.put("dump", (b, v) -> b.dump(directory("dump", v)));
    ServeOptions.KEYS.forEach(key -> OPTIONS.put(key, (b, v) -> b.serve().set(key, v)));
  }

  private OptionsParser() {}

  static AgentOptions parse(String options) {
    AgentOptions.Builder builder = AgentOptions.builder();
    if (options == null || options.isBlank()) {
      return builder.build();
    }
    Set<String> seen = new HashSet<>();
    for (String option : options.split(",", -1)) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("option is not key=value: '" + option + "'");
      }
      String key = option.substring(0, eq).trim();
      String value = option.substring(eq + 1).trim();
      BiConsumer<AgentOptions.Builder, String> setter = OPTIONS.get(key);
      if (setter == null) {
        throw new IllegalArgumentException(
            "unknown option '" + key + "' (known: " + String.join(", ", OPTIONS.keySet()) + ")");
      }
      if (!seen.add(key)) {
        throw new IllegalArgumentException("option given twice: " + key);
      }
      setter.accept(builder, value);
    }
    return builder.build();
  }

  private static List<String> patterns(String key, String value) {
    List<String> patterns = Arrays.asList(value.split(":", -1));
    for (String p : patterns) {
      if (p.isEmpty() || !p.matches("[\\p{L}\\p{N}_$.*?]+")) {
        throw new IllegalArgumentException(key + ": bad class pattern '" + p + "' in '" + value + "'");
      }
    }
    return patterns;
  }

  private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "" : "|").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException(key + ": expected " + known + ", got '" + value + "'");
  }

  private static Path directory(String key, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(key + ": expected a directory, got ''");
    }
    try {
      return Path.of(value).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(key + ": not a path: '" + value + "'");
    }
  }

  private static int positive(String key, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(key + ": expected a positive integer, got '" + value + "'");
  }
}
