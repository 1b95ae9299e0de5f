package dev.rdb.agent.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kept crash: the contract of {@code docs/ARCHITECTURE.md}, section "rdb-agent: the debuggee the
 * CLI sees". Holds the throwable and the captured values strongly; the ring that keeps it is bounded.
 *
 * @param time ISO-8601 instant of the promotion
 * @param name the exception type (a later step names JUnit failures by test)
 * @param frames innermost first
 */
public record PostMortemView(int id, String time, String thread, String name, String exceptionType,
    String message, Throwable throwable, List<FrameView> frames) {

  public PostMortemView {
    frames = List.copyOf(frames);
  }

  /** This post-mortem as plain maps and lists, for {@code Rdb.postMortems()}. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("time", time);
    m.put("thread", thread);
    m.put("name", name);
    m.put("exceptionType", exceptionType);
    m.put("message", message);
    m.put("throwable", throwable);
    List<Map<String, Object>> fs = new ArrayList<>();
    frames.forEach(f -> fs.add(f.asMap()));
    m.put("frames", fs);
    return m;
  }
}
