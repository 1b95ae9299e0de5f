package dev.rdb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.ShapeCache;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.cli.dump.Dumps;
import dev.rdb.cli.expr.Evaluation;
import dev.rdb.cli.expr.Evaluator;
import dev.rdb.cli.expr.FrameScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/**
 * Renders where, locals, p and pp over the shop dump and compares with
 * src/test/resources/golden/shop-rendering.txt. After a deliberate change of the rendering, run
 * with {@code -Drdb.golden.update=true} and review the diff of the golden file.
 */
class RenderingGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/shop-rendering.txt");

  private final DumpDebuggee dump = Dumps.shop();
  private final ShapeCache shapes = new ShapeCache(dump.objects());
  private final StringBuilder out = new StringBuilder();

  private void section(String title) {
    out.append("== ").append(title).append('\n');
  }

  private void lines(List<AttributedString> lines) {
    lines.forEach(l -> out.append(l.toString()).append('\n'));
  }

  private void print(int frame, String source, RenderLimits limits, boolean expanded) {
    FrameLocals locals = dump.locals(2, frame, limits.depth());
    String frameClass = dump.postMortem(2).frames().get(frame).className();
    Evaluation e = Evaluator.evaluate(source, new FrameScope(locals, frameClass), dump.objects(), shapes, limits.depth());
    var graph = e.graph().plus(locals.graph());
    ValueRenderer renderer = new ValueRenderer(limits);
    section((expanded ? "pp " : "p ") + source + "  [depth " + limits.depth() + ", width " + limits.width() + "]");
    if (expanded) {
      lines(renderer.expanded(e.value(), graph));
    } else {
      out.append(renderer.typed(e.value(), graph)).append('\n');
    }
  }

  @Test
  void whereLocalsAndValuesRenderAsTheGoldenFileSays() throws IOException {
    section("where (frame 1 selected)");
    lines(StackView.where(dump.postMortem(2), 1));
    ValueRenderer renderer = new ValueRenderer(RenderLimits.DEFAULT);
    for (int frame = 0; frame < 2; frame++) {
      section("locals of frame " + frame);
      FrameLocals locals = dump.locals(2, frame, RenderLimits.DEFAULT.depth());
      lines(LocalsTable.render(LocalsTable.rows(locals.locals(), locals.graph(), renderer), 120));
    }
    RenderLimits defaults = RenderLimits.DEFAULT;
    for (String source : List.of("limit", "expected", "ratio", "initial", "exact", "label", "status",
        "missing", "id", "total", "quantities", "codes", "items", "history", "warehouse",
        "customer", "limit * 2 + 0.5f", "[1, \"two\", '3', null]")) {
      print(0, source, defaults, false);
    }
    for (String source : List.of("counts", "note", "password", "boxed", "order.customer.lastOrder")) {
      print(1, source, defaults, false);
    }
    print(0, "this", defaults.withDepth(1), false);
    print(0, "this", defaults.withWidth(3), false);
    print(0, "this", defaults.withDepth(3), true);
    print(0, "history", defaults.withWidth(2), true);
    print(1, "counts", defaults, true);
    String actual = out.toString();
    if (Boolean.getBoolean("rdb.golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("rendering differs from %s", GOLDEN)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
