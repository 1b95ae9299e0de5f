package dev.rdb.agent.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value of a captured frame, as the debugger shows it.
 *
 * @param name source name, or {@code arg0…} without names
 * @param type declared type in Java source form
 * @param argument true for {@code this} and parameters
 * @param value the live object or boxed primitive, as it was when the frame was left
 */
public record LocalView(String name, String type, boolean argument, Object value) {

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type);
    m.put("argument", argument);
    m.put("value", value);
    return m;
  }
}
