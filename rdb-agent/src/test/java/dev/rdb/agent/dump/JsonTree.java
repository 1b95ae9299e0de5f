package dev.rdb.agent.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test support, also for the integration tests: reads a JSON file into maps, lists and scalars, so tests can look into what the writer wrote. */
public final class JsonTree {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private JsonTree() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path file) {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      p.nextToken();
      Object tree = value(p);
      if (p.nextToken() != null) {
        throw new IllegalStateException(file + ": content after the document");
      }
      return (Map<String, Object>) tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (map.put(key, value(p)) != null) {
            throw new IllegalStateException("duplicate member " + key);
          }
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected " + t);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return (List<Object>) o;
  }
}
