package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.ShapeCache;
import dev.rdb.cli.expr.FrameScope;
import dev.rdb.cli.render.RenderLimits;
import dev.rdb.cli.render.ValueRenderer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the user has selected (post-mortem, frame, the cause being looked at) and how values are
 * shown, plus what was fetched for them: a post-mortem and a frame's locals are fetched once and
 * reused, so walking up and down a stack costs a round trip per new frame only.
 */
public final class Session {
  private final Debuggee debuggee;
  private final ShapeCache shapes;
  private final List<Path> sourcePath;
  private final Map<Integer, PostMortem> postMortems = new HashMap<>();
  private final Map<String, FrameLocals> locals = new HashMap<>();
  private List<PostMortemSummary> summaries;
  private Integer selected;
  private int frame;
  private ExceptionInfo viewedCause;
  private RenderLimits limits = RenderLimits.DEFAULT;
  private int lineWidth = 120;

  public Session(Debuggee debuggee, List<Path> sourcePath) {
    this.debuggee = Objects.requireNonNull(debuggee, "debuggee");
    this.shapes = new ShapeCache(debuggee.objects());
    this.sourcePath = List.copyOf(sourcePath);
  }

  /** Selects the newest post-mortem, if there is one, at its innermost captured frame. */
  public void selectNewest() {
    List<PostMortemSummary> all = summaries();
    if (!all.isEmpty()) {
      select(all.get(all.size() - 1).id());
    }
  }

  public Debuggee debuggee() {
    return debuggee;
  }

  public ShapeCache shapes() {
    return shapes;
  }

  List<Path> sourcePath() {
    return sourcePath;
  }

  public RenderLimits limits() {
    return limits;
  }

  void limits(RenderLimits newLimits) {
    limits = newLimits;
    locals.clear();
  }

  /** Columns available for a table row; the terminal's width, or 120 when it reports none. */
  int lineWidth() {
    return lineWidth;
  }

  public void lineWidth(int columns) {
    lineWidth = columns > 20 ? columns : 120;
  }

  ValueRenderer renderer() {
    return new ValueRenderer(limits);
  }

  List<PostMortemSummary> summaries() {
    if (summaries == null) {
      summaries = debuggee.postMortems();
    }
    return summaries;
  }

  /** The selected post-mortem's id. */
  public OptionalInt selectedId() {
    return selected == null ? OptionalInt.empty() : OptionalInt.of(selected);
  }

  /** Whether a post-mortem is selected. */
  public boolean hasPostMortem() {
    return selected != null;
  }

  PostMortem postMortem() {
    if (selected == null) {
      throw new CommandException(summaries().isEmpty()
          ? "no post-mortem: " + debuggee.name() + " has none"
          : "no post-mortem selected: use pm N", Failure.Kind.NO_POST_MORTEM);
    }
    return postMortems.computeIfAbsent(selected, debuggee::postMortem);
  }

  void select(int id) {
    if (summaries().stream().noneMatch(s -> s.id() == id)) {
      throw new CommandException("no post-mortem #" + id + " (see exceptions)",
          summaries().isEmpty() ? Failure.Kind.NO_POST_MORTEM : Failure.Kind.FAILED);
    }
    selected = id;
    viewedCause = null;
    PostMortem pm = postMortem();
    frame = pm.frames().stream().filter(FrameInfo::captured).mapToInt(FrameInfo::index).findFirst().orElse(0);
  }

  int frameIndex() {
    return frame;
  }

  FrameInfo frame() {
    PostMortem pm = postMortem();
    if (pm.frames().isEmpty()) {
      throw new CommandException("post-mortem #" + pm.id() + " has no frames");
    }
    return pm.frames().get(frame);
  }

  void selectFrame(int index) {
    PostMortem pm = postMortem();
    if (index < 0 || index >= pm.frames().size()) {
      throw new CommandException("no frame #" + index + ": post-mortem #" + pm.id() + " has frames #0..#"
          + (pm.frames().size() - 1));
    }
    frame = index;
  }

  /** The selected frame's locals, described down to the current depth. */
  FrameLocals frameLocals() {
    FrameInfo info = frame();
    if (!info.captured()) {
      return new FrameLocals(List.of(), ObjectGraph.empty());
    }
    String key = selected + "/" + frame;
    return locals.computeIfAbsent(key, k -> debuggee.locals(selected, frame, limits.depth()));
  }

  FrameScope scope() {
    if (selected == null) {
      return new FrameScope(new FrameLocals(List.of(), ObjectGraph.empty()), null);
    }
    return new FrameScope(frameLocals(), frame().className());
  }

  ExceptionInfo viewedCause() {
    return viewedCause;
  }

  void viewCause(ExceptionInfo cause) {
    viewedCause = cause;
  }

  /** The prompt: {@code rdb #2 Order.check:42> }, or {@code rdb> } with nothing selected. */
  public String prompt() {
    if (selected == null) {
      return "rdb> ";
    }
    PostMortem pm = postMortems.get(selected);
    if (pm == null || pm.frames().isEmpty()) {
      return "rdb #" + selected + "> ";
    }
    FrameInfo f = pm.frames().get(frame);
    String simple = f.className().substring(f.className().lastIndexOf('.') + 1);
    return "rdb #" + selected + " " + frame + ":" + simple + "." + f.methodName() + "> ";
  }
}
