package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what a dump holds from any {@link Debuggee}: the post-mortems, the locals of every
 * captured frame (one exchange per frame), then the objects they reach, breadth-first, one level at
 * a time, described in batches of {@value #BATCH} references per exchange — never one exchange per
 * object. The byte budget is spent on the nearest objects first; objects past the depth or the
 * budget are left out and say why. Descriptions are kept across walks, so dumping several
 * post-mortems of one target fetches a shared object once.
 */
final class GraphWalk {
  static final int BATCH = 256;

  private final Debuggee debuggee;
  private final DumpLimits limits;
  private final Map<String, Description> described = new HashMap<>();

  GraphWalk(Debuggee debuggee, DumpLimits limits) {
    this.debuggee = debuggee;
    this.limits = limits;
  }

  /** Everything about {@code postMortems}, within one budget. */
  Capture capture(List<PostMortem> postMortems, List<ThreadInfo> threads) {
    Map<Integer, Map<Integer, FrameLocals>> locals = new LinkedHashMap<>();
    Set<String> level = new LinkedHashSet<>();
    Map<String, Value.ObjectRef> refs = new HashMap<>();
    for (PostMortem pm : postMortems) {
      Map<Integer, FrameLocals> frames = new LinkedHashMap<>();
      for (FrameInfo frame : pm.frames()) {
        if (!frame.captured()) {
          continue;
        }
        FrameLocals fl = debuggee.locals(pm.id(), frame.index(), 0);
        frames.put(frame.index(), fl);
        remember(fl.graph(), fl.locals().stream().map(Local::value).toList());
        for (Local local : fl.locals()) {
          enqueue(local.value(), level, refs);
        }
      }
      locals.put(pm.id(), frames);
    }
    Map<String, Description> kept = new LinkedHashMap<>();
    Map<String, String> leftOut = new HashMap<>();
    long spent = 0;
    for (int depth = 1; !level.isEmpty(); depth++) {
      if (depth > limits.depth()) {
        level.forEach(id -> leftOut.put(id, "depth"));
        break;
      }
      fetch(level, refs);
      Set<String> next = new LinkedHashSet<>();
      for (String id : level) {
        Description d = described.get(id);
        if (d == null) {
          leftOut.put(id, "depth");
          continue;
        }
        long size = DumpJson.estimate(d, limits);
        if (spent + size > limits.budgetBytes()) {
          leftOut.put(id, "budget");
          continue;
        }
        spent += size;
        kept.put(id, d);
        for (Value child : children(d)) {
          if (child instanceof Value.ObjectRef ref && !kept.containsKey(ref.id()) && !level.contains(ref.id())) {
            enqueue(child, next, refs);
          }
        }
      }
      next.removeAll(kept.keySet());
      level = next;
    }
    leftOut.keySet().removeAll(kept.keySet());
    return new Capture(postMortems, locals, kept, leftOut, threads);
  }

  private void fetch(Set<String> ids, Map<String, Value.ObjectRef> refs) {
    List<Value.ObjectRef> missing = new ArrayList<>();
    for (String id : ids) {
      if (!described.containsKey(id)) {
        missing.add(refs.get(id));
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<Value.ObjectRef> chunk = missing.subList(from, Math.min(missing.size(), from + BATCH));
      remember(debuggee.objects().describe(chunk, 0), List.copyOf(chunk));
    }
  }

  private void remember(ObjectGraph graph, List<? extends Value> roots) {
    for (Value v : roots) {
      if (v instanceof Value.ObjectRef ref) {
        graph.find(ref).ifPresent(d -> described.putIfAbsent(ref.id(), d));
      }
    }
  }

  private List<Value> children(Description d) {
    List<Value> out = new ArrayList<>();
    int fields = 0;
    for (Description.Field field : d.fields()) {
      if (fields++ == limits.fields()) {
        break;
      }
      out.add(field.value());
    }
    d.elements().stream().limit(limits.elements()).forEach(out::add);
    d.entries().stream().limit(limits.elements()).forEach(e -> {
      out.add(e.key());
      out.add(e.value());
    });
    return out;
  }

  private static void enqueue(Value value, Set<String> level, Map<String, Value.ObjectRef> refs) {
    if (value instanceof Value.ObjectRef ref) {
      level.add(ref.id());
      refs.putIfAbsent(ref.id(), ref);
    }
  }
}
