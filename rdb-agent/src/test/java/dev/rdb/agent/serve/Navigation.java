package dev.rdb.agent.serve;

import dev.rdb.core.Batch;
import dev.rdb.core.Connection;
import dev.rdb.core.Description;
import dev.rdb.core.RemoteRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a debugger does, the CLI's way: each screen one batch (one round trip). */
final class Navigation {

  /** A frame of {@code where}. */
  record Frame(String className, String methodName, int line, boolean captured) {}

  private Navigation() {}

  /** The ids of the post-mortems kept. */
  static List<Integer> postMortemIds(Connection c) {
    Batch b = c.batch();
    Batch.Step<List<Description>> d = b.describe(List.of(b.call(c.root(), "postMortems")), 2);
    b.execute();
    List<Integer> ids = new ArrayList<>();
    for (Description.Element e : d.value().get(0).elements()) {
      ids.add((Integer) fields(e.description()).get("id"));
    }
    return ids;
  }

  /** {@code where}: the frames of post-mortem {@code id}, one round trip. */
  static List<Frame> where(Connection c, int id) {
    Batch b = c.batch();
    Batch.Step<List<Description>> d =
        b.describe(List.of(b.get(b.call(c.root(), "postMortem", id), "frames")), 2);
    b.execute();
    List<Frame> frames = new ArrayList<>();
    for (Description.Element e : d.value().get(0).elements()) {
      Map<String, Object> f = fields(e.description());
      frames.add(new Frame((String) f.get("className"), (String) f.get("methodName"),
          (Integer) f.get("line"), (Boolean) f.get("captured")));
    }
    return frames;
  }

  /** {@code locals}: name → value (a {@link RemoteRef} rendered as its type), one round trip. */
  static Map<String, Object> locals(Connection c, int id, int frame) {
    Batch b = c.batch();
    Batch.Step<Object> locals = b.get(b.index(b.get(b.call(c.root(), "postMortem", id), "frames"),
        frame), "locals");
    Batch.Step<List<Description>> d = b.describe(List.of(locals), 2);
    b.execute();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Description.Element e : d.value().get(0).elements()) {
      Map<String, Object> l = fields(e.description());
      Object v = l.get("value");
      out.put((String) l.get("name"), v instanceof RemoteRef ? ((RemoteRef) v).typeName() : v);
    }
    return out;
  }

  /** The live value of local {@code name} of a frame. */
  static Object local(Connection c, int id, int frame, String name) {
    RemoteRef locals = (RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) c.root()
        .call("postMortem", id)).get("frames")).index(frame)).get("locals");
    for (Object l : locals.toList()) {
      if (name.equals(((RemoteRef) l).get("name"))) {
        return ((RemoteRef) l).get("value");
      }
    }
    throw new AssertionError("no local " + name);
  }

  static Map<String, Object> fields(Description d) {
    Map<String, Object> m = new LinkedHashMap<>();
    d.fields().forEach(f -> m.put(f.name(), f.value()));
    return m;
  }
}
