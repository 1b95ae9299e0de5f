package dev.rdb.cli.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads one dump file (docs/DUMP-FORMAT.md, version 1) with jackson-core's streaming parser. Values
 * are read as small raw trees only where their meaning depends on a declared type that may come
 * later in the same JSON object; everything else is decoded straight into records.
 */
final class DumpReader {
  static final int VERSION = 1;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Path path;
  private final String idPrefix;
  private final Map<String, String> absentReasons = new HashMap<>();
  private JsonParser parser;

  private DumpReader(Path path, String idPrefix) {
    this.path = path;
    this.idPrefix = idPrefix;
  }

  /** Reads {@code path}; object ids get {@code idPrefix} so several dumps can be open at once. */
  static DumpFile read(Path path, String idPrefix) {
    return new DumpReader(path, idPrefix).read();
  }

  private DumpFile read() {
    try (InputStream in = Files.newInputStream(path); JsonParser p = JSON.createParser(in)) {
      parser = p;
      return document();
    } catch (NoSuchFileException e) {
      throw new DumpFormatException(path + ": no such file");
    } catch (StreamReadException e) {
      throw new DumpFormatException(name() + ": " + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new DumpFormatException(name() + ": cannot read: " + firstLine(e.getMessage()));
    }
  }

  private DumpFile document() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw schema("", "the document must be a JSON object starting with '{'");
    }
    String format = null;
    Integer version = null;
    String created = null;
    List<Map<String, Object>> rawPostMortems = null;
    Map<String, Map<String, Object>> rawObjects = null;
    List<ThreadInfo> threads = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "format" -> format = string("format");
        case "version" -> version = integer("version");
        case "created" -> created = string("created");
        case "postMortems" -> rawPostMortems = objectArray("postMortems");
        case "objects" -> rawObjects = objectMap("objects");
        case "threads" -> threads = threads();
        default -> parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw schema("", "unexpected content after the end of the document");
    }
    if (!"rdb-dump".equals(format)) {
      throw schema("", format == null ? "missing \"format\": not an rdb dump" : "format is \"" + format + "\", not \"rdb-dump\"");
    }
    if (version == null) {
      throw schema("", "missing \"version\"");
    }
    if (version > VERSION || version < 1) {
      throw schema("", "unsupported dump version " + version + " (this rdb reads version " + VERSION + ")");
    }
    if (rawPostMortems == null) {
      throw schema("", "missing \"postMortems\"");
    }
    Map<String, ObjectRecord> objects = new HashMap<>();
    if (rawObjects != null) {
      for (Map.Entry<String, Map<String, Object>> entry : rawObjects.entrySet()) {
        String id = idPrefix + entry.getKey();
        objects.put(id, object(id, entry.getValue(), "objects." + entry.getKey()));
      }
    }
    List<PostMortemRecord> postMortems = new ArrayList<>();
    for (int i = 0; i < rawPostMortems.size(); i++) {
      postMortems.add(postMortem(rawPostMortems.get(i), "postMortems[" + i + "]"));
    }
    absentReasons.keySet().removeAll(objects.keySet());
    return new DumpFile(path, created == null ? "" : created, postMortems, objects, absentReasons, threads);
  }

  // --- streaming helpers: raw trees for sections whose meaning needs the whole object ---

  private Object raw() throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, raw());
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(raw());
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw schema("", "unexpected " + token);
    }
  }

  private String string(String what) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw schema(what, "must be a string");
    }
    return parser.getText();
  }

  private int integer(String what) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
      throw schema(what, "must be an int");
    }
    return parser.getIntValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> objectArray(String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw schema(what, "must be an array");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw schema(what + "[" + out.size() + "]", "must be an object");
      }
      out.add((Map<String, Object>) raw());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> objectMap(String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw schema(what, "must be an object");
    }
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw schema(what + "." + key, "must be an object");
      }
      out.put(key, (Map<String, Object>) raw());
    }
    return out;
  }

  private List<ThreadInfo> threads() throws IOException {
    List<ThreadInfo> threads = new ArrayList<>();
    List<Map<String, Object>> raw = objectArray("threads");
    for (int i = 0; i < raw.size(); i++) {
      String at = "threads[" + i + "]";
      Map<String, Object> t = raw.get(i);
      threads.add(new ThreadInfo(req(t, "name", String.class, at), opt(t, "state", String.class, at),
          Boolean.TRUE.equals(opt(t, "daemon", Boolean.class, at)), strings(t, "stack", at)));
    }
    return threads;
  }

  // --- schema ---

  private PostMortemRecord postMortem(Map<String, Object> raw, String at) {
    int id = intValue(req(raw, "id", Long.class, at), at + ".id");
    ExceptionInfo exception = exception(req(raw, "exception", Map.class, at), at + ".exception");
    List<Map<String, Object>> rawFrames = maps(req(raw, "frames", List.class, at), at + ".frames");
    List<FrameRecord> frames = new ArrayList<>();
    for (int i = 0; i < rawFrames.size(); i++) {
      frames.add(frame(i, rawFrames.get(i), at + ".frames[" + i + "]"));
    }
    PostMortemSummary summary = new PostMortemSummary(id, opt(raw, "time", String.class, at),
        opt(raw, "thread", String.class, at), opt(raw, "name", String.class, at), exception.type(),
        exception.message(), frames.size(), path.getFileName().toString());
    List<FrameInfo> infos = frames.stream().map(FrameRecord::info).toList();
    return new PostMortemRecord(new PostMortem(summary, exception, infos), frames);
  }

  @SuppressWarnings("unchecked")
  private ExceptionInfo exception(Map<?, ?> raw, String at) {
    Map<String, Object> map = (Map<String, Object>) raw;
    Map<?, ?> cause = opt(map, "cause", Map.class, at);
    Long postMortem = opt(map, "postMortem", Long.class, at);
    return new ExceptionInfo(req(map, "type", String.class, at), opt(map, "message", String.class, at),
        strings(map, "stack", at), cause == null ? null : exception(cause, at + ".cause"),
        postMortem == null ? OptionalInt.empty() : OptionalInt.of(intValue(postMortem, at + ".postMortem")));
  }

  private FrameRecord frame(int index, Map<String, Object> raw, String at) {
    Long line = opt(raw, "line", Long.class, at);
    FrameInfo info = new FrameInfo(index, req(raw, "class", String.class, at), req(raw, "method", String.class, at),
        opt(raw, "file", String.class, at), line == null ? -1 : intValue(line, at + ".line"),
        Boolean.TRUE.equals(opt(raw, "captured", Boolean.class, at)), opt(raw, "codeSource", String.class, at));
    List<Local> locals = new ArrayList<>();
    List<?> rawLocals = opt(raw, "locals", List.class, at);
    List<Map<String, Object>> localMaps = rawLocals == null ? List.of() : maps(rawLocals, at + ".locals");
    for (int i = 0; i < localMaps.size(); i++) {
      String localAt = at + ".locals[" + i + "]";
      Map<String, Object> local = localMaps.get(i);
      String type = opt(local, "type", String.class, localAt);
      if (!local.containsKey("value")) {
        throw schema(localAt, "missing \"value\"");
      }
      locals.add(new Local(req(local, "name", String.class, localAt), type,
          Boolean.TRUE.equals(opt(local, "argument", Boolean.class, localAt)),
          value(local.get("value"), type, localAt + ".value")));
    }
    return new FrameRecord(info, locals);
  }

  private ObjectRecord object(String id, Map<String, Object> raw, String at) {
    String type = req(raw, "type", String.class, at);
    List<?> rawElements = opt(raw, "elements", List.class, at);
    List<?> rawEntries = opt(raw, "entries", List.class, at);
    String kindName = opt(raw, "kind", String.class, at);
    Description.Kind kind;
    if (kindName != null) {
      kind = switch (kindName) {
        case "object" -> Description.Kind.OBJECT;
        case "array" -> Description.Kind.ARRAY;
        case "collection" -> Description.Kind.COLLECTION;
        case "map" -> Description.Kind.MAP;
        default -> throw schema(at + ".kind", "unknown kind \"" + kindName + "\"");
      };
    } else if (rawEntries != null) {
      kind = Description.Kind.MAP;
    } else if (rawElements != null) {
      kind = type.endsWith("[]") ? Description.Kind.ARRAY : Description.Kind.COLLECTION;
    } else {
      kind = Description.Kind.OBJECT;
    }
    String component = type.endsWith("[]") ? type.substring(0, type.length() - 2) : null;
    List<Value> elements = new ArrayList<>();
    if (rawElements != null) {
      for (int i = 0; i < rawElements.size(); i++) {
        elements.add(value(rawElements.get(i), component, at + ".elements[" + i + "]"));
      }
    }
    List<Description.Entry> entries = new ArrayList<>();
    if (rawEntries != null) {
      List<Map<String, Object>> maps = maps(rawEntries, at + ".entries");
      for (int i = 0; i < maps.size(); i++) {
        String entryAt = at + ".entries[" + i + "]";
        entries.add(new Description.Entry(value(maps.get(i).get("key"), null, entryAt + ".key"),
            value(maps.get(i).get("value"), null, entryAt + ".value")));
      }
    }
    List<Description.Field> fields = new ArrayList<>();
    List<?> rawFields = opt(raw, "fields", List.class, at);
    if (rawFields != null) {
      List<Map<String, Object>> maps = maps(rawFields, at + ".fields");
      for (int i = 0; i < maps.size(); i++) {
        String fieldAt = at + ".fields[" + i + "]";
        String declared = opt(maps.get(i), "type", String.class, fieldAt);
        fields.add(new Description.Field(req(maps.get(i), "name", String.class, fieldAt), declared,
            value(maps.get(i).get("value"), declared, fieldAt + ".value")));
      }
    }
    Long size = opt(raw, "size", Long.class, at);
    int count = kind == Description.Kind.MAP ? entries.size() : elements.size();
    Value.ObjectRef ref = new Value.ObjectRef(id, type, opt(raw, "summary", String.class, at));
    return new ObjectRecord(ref, opt(raw, "identity", String.class, at), kind, strings(raw, "supertypes", at),
        fields, Boolean.TRUE.equals(opt(raw, "fieldsTruncated", Boolean.class, at)),
        size == null ? count : Math.max(count, intValue(size, at + ".size")), elements, entries);
  }

  @SuppressWarnings("unchecked")
  private Value value(Object raw, String declared, String at) {
    String type = declared == null ? "" : declared;
    if (raw == null) {
      return Value.NULL;
    }
    if (raw instanceof Boolean b) {
      return Value.of(b);
    }
    if (raw instanceof Long || raw instanceof BigInteger || raw instanceof Double) {
      return number((Number) raw, type, at);
    }
    if (raw instanceof String s) {
      return switch (type) {
        case "char" -> {
          if (s.length() != 1) {
            throw schema(at, "a char must be a one-character string, got \"" + s + "\"");
          }
          yield Value.of(s.charAt(0));
        }
        case "long", "int", "short", "byte", "float", "double" -> number(parseNumber(s, at), type, at);
        default -> Value.of(s);
      };
    }
    if (raw instanceof Map<?, ?> m) {
      return valueObject((Map<String, Object>) m, type, at);
    }
    throw schema(at, "an array is not a value");
  }

  private Value valueObject(Map<String, Object> map, String declared, String at) {
    if (map.containsKey("ref")) {
      String id = idPrefix + req(map, "ref", String.class, at);
      if (Boolean.TRUE.equals(opt(map, "truncated", Boolean.class, at))) {
        String reason = opt(map, "reason", String.class, at);
        absentReasons.putIfAbsent(id, reason == null ? "depth" : reason);
      }
      String type = opt(map, "type", String.class, at);
      return new Value.ObjectRef(id, type == null ? (declared.isEmpty() ? "?" : declared) : type,
          opt(map, "summary", String.class, at));
    }
    if (map.containsKey("enum")) {
      return new Value.EnumConstant(req(map, "enum", String.class, at), req(map, "name", String.class, at));
    }
    if (map.containsKey("string")) {
      String text = req(map, "string", String.class, at);
      Long length = opt(map, "length", Long.class, at);
      return new Value.Text(text, length == null ? text.length() : Math.max(text.length(), intValue(length, at)));
    }
    if (map.containsKey("boxed")) {
      String boxed = req(map, "boxed", String.class, at);
      String primitive = switch (boxed) {
        case "java.lang.Integer" -> "int";
        case "java.lang.Long" -> "long";
        case "java.lang.Short" -> "short";
        case "java.lang.Byte" -> "byte";
        case "java.lang.Float" -> "float";
        case "java.lang.Double" -> "double";
        case "java.lang.Character" -> "char";
        case "java.lang.Boolean" -> "boolean";
        default -> throw schema(at + ".boxed", "not a box class: " + boxed);
      };
      return value(map.get("value"), primitive, at + ".value");
    }
    if (Boolean.TRUE.equals(map.get("redacted"))) {
      return Value.REDACTED;
    }
    throw schema(at, "an object value needs \"ref\", \"enum\", \"string\", \"boxed\" or \"redacted\"");
  }

  private Number parseNumber(String s, String at) {
    switch (s) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default:
        try {
          return s.contains(".") || s.contains("e") || s.contains("E") ? Double.parseDouble(s) : new BigInteger(s);
        } catch (NumberFormatException e) {
          throw schema(at, "not a number: \"" + s + "\"");
        }
    }
  }

  private Value number(Number n, String declared, String at) {
    boolean integral = !(n instanceof Double);
    switch (declared) {
      case "double": return Value.of(n.doubleValue());
      case "float": return Value.of(n.floatValue());
      case "long": return Value.of(exact(n, Long.MIN_VALUE, Long.MAX_VALUE, declared, at));
      case "int": return Value.of((int) exact(n, Integer.MIN_VALUE, Integer.MAX_VALUE, declared, at));
      case "short": return Value.of((short) exact(n, Short.MIN_VALUE, Short.MAX_VALUE, declared, at));
      case "byte": return Value.of((byte) exact(n, Byte.MIN_VALUE, Byte.MAX_VALUE, declared, at));
      case "char": return Value.of((char) exact(n, Character.MIN_VALUE, Character.MAX_VALUE, declared, at));
      case "boolean": throw schema(at, "a boolean must be true or false");
      default:
        if (!integral) {
          return Value.of(n.doubleValue());
        }
        long value = exact(n, Long.MIN_VALUE, Long.MAX_VALUE, "long", at);
        return value == (int) value ? Value.of((int) value) : Value.of(value);
    }
  }

  private long exact(Number n, long min, long max, String type, String at) {
    if (n instanceof Double d) {
      if (d != Math.rint(d) || d < min || d > max) {
        throw schema(at, "not a " + type + ": " + d);
      }
      return d.longValue();
    }
    BigInteger big = n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    if (big.compareTo(BigInteger.valueOf(min)) < 0 || big.compareTo(BigInteger.valueOf(max)) > 0) {
      throw schema(at, "out of range for " + type + ": " + big);
    }
    return big.longValue();
  }

  // --- raw-tree accessors with schema errors ---

  private <T> T req(Map<?, ?> map, String key, Class<T> type, String at) {
    T value = opt(map, key, type, at);
    if (value == null) {
      throw schema(at, "missing \"" + key + "\"");
    }
    return value;
  }

  private <T> T opt(Map<?, ?> map, String key, Class<T> type, String at) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw schema(at + "." + key, "must be " + typeWord(type));
    }
    return type.cast(value);
  }

  private List<String> strings(Map<?, ?> map, String key, String at) {
    List<?> list = opt(map, key, List.class, at);
    if (list == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof String s)) {
        throw schema(at + "." + key, "must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> maps(List<?> list, String at) {
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map)) {
        throw schema(at + "[" + i + "]", "must be an object");
      }
    }
    return (List<Map<String, Object>>) list;
  }

  private int intValue(Long value, String at) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw schema(at, "out of range for int: " + value);
    }
    return value.intValue();
  }

  private static String typeWord(Class<?> type) {
    if (type == String.class) return "a string";
    if (type == Long.class) return "an integer";
    if (type == Boolean.class) return "a boolean";
    if (type == List.class) return "an array";
    return "an object";
  }

  private DumpFormatException schema(String at, String message) {
    return new DumpFormatException(name() + (at.isEmpty() ? "" : ": " + at) + ": " + message);
  }

  private String name() {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  private static String where(JsonLocation location) {
    return location == null ? "at an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    int marker = line.indexOf(" (start marker");
    return marker < 0 ? line : line.substring(0, marker);
  }
}
