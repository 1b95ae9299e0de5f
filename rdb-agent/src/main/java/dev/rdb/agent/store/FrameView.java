package dev.rdb.agent.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of a post-mortem, innermost first in {@link PostMortemView#frames()}.
 *
 * @param captured true when the frame was instrumented and its locals recorded
 * @param namesAvailable false when the class had no local-variable table ({@code arg0…} names)
 * @param locals {@code this}, parameters, then the locals in scope where the frame was left
 */
public record FrameView(String className, String methodName, String fileName, int line,
    boolean captured, boolean namesAvailable, List<LocalView> locals) {

  public FrameView {
    locals = List.copyOf(locals);
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("className", className);
    m.put("methodName", methodName);
    m.put("fileName", fileName);
    m.put("line", line);
    m.put("captured", captured);
    m.put("namesAvailable", namesAvailable);
    List<Map<String, Object>> ls = new ArrayList<>();
    locals.forEach(l -> ls.add(l.asMap()));
    m.put("locals", ls);
    return m;
  }
}
