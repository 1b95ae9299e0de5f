package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} forms of values, frames and post-mortems (see docs/ARCHITECTURE.md, rdb-cli). */
final class JsonData {
  private static final long MAX_SAFE_INTEGER = 1L << 53;

  private JsonData() {}

  static Object value(Value value) {
    if (value instanceof Value.Null) {
      return null;
    }
    if (value instanceof Value.Primitive p) {
      Object boxed = p.boxed();
      if (boxed instanceof Long l && Math.abs(l) > MAX_SAFE_INTEGER) {
        return l.toString();
      }
      if (boxed instanceof Character c) {
        return c.toString();
      }
      if (boxed instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return d.toString();
      }
      if (boxed instanceof Float f && (f.isNaN() || f.isInfinite())) {
        return f.toString();
      }
      return boxed;
    }
    if (value instanceof Value.Text t) {
      if (!t.isCut()) {
        return t.text();
      }
      return map("string", t.text(), "length", t.length());
    }
    if (value instanceof Value.EnumConstant e) {
      return map("enum", e.type(), "name", e.name());
    }
    if (value instanceof Value.ObjectRef r) {
      return map("ref", r.id(), "type", r.type(), "summary", r.summary());
    }
    if (value instanceof Value.ListValue l) {
      List<Object> out = new ArrayList<>();
      l.elements().forEach(v -> out.add(value(v)));
      return out;
    }
    return map("redacted", true);
  }

  static Map<String, Object> frame(FrameInfo f, boolean selected) {
    Map<String, Object> out = map("index", f.index(), "class", f.className(), "method", f.methodName(),
        "file", f.fileName(), "line", f.line(), "captured", f.captured());
    out.put("selected", selected);
    return out;
  }

  static Map<String, Object> summary(PostMortemSummary s) {
    Map<String, Object> out = map("id", s.id(), "time", s.time(), "thread", s.thread(), "name", s.name(),
        "exceptionType", s.exceptionType(), "message", s.message());
    out.put("frames", s.frameCount());
    out.put("origin", s.origin());
    return out;
  }

  static Map<String, Object> exception(ExceptionInfo e) {
    if (e == null) {
      return null;
    }
    Map<String, Object> out = map("type", e.type(), "message", e.message(), "stack", e.stack());
    out.put("postMortem", e.postMortemId().isPresent() ? e.postMortemId().getAsInt() : null);
    out.put("cause", exception(e.cause()));
    return out;
  }

  /** An insertion-ordered map from alternating keys and values (values may be null). */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
