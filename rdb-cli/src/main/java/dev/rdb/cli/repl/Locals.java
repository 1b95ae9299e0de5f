package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.render.LocalsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.utils.AttributedString;

/** {@code locals}: every local of the selected frame as an aligned name/type/value table. */
final class Locals implements ReplCommand {
  @Override
  public String name() {
    return "locals";
  }

  @Override
  public String usage() {
    return "locals";
  }

  @Override
  public String summary() {
    return "show the selected frame's locals: this, parameters, locals";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    return table(session, local -> true, "locals");
  }

  /** The table for the locals that {@code which} keeps; shared with {@code args}. */
  static Reply table(Session session, Predicate<Local> which, String what) {
    FrameInfo frame = session.frame();
    if (!frame.captured()) {
      return Reply.text("no " + what + ": frame #" + frame.index() + " (" + frame.className() + "." + frame.methodName()
          + ") was not captured", JsonData.map("frame", frame.index(), "captured", false, what, List.of()));
    }
    FrameLocals locals = session.frameLocals();
    List<Local> shown = locals.locals().stream().filter(which).toList();
    if (shown.isEmpty()) {
      return Reply.text("no " + what + " in frame #" + frame.index(),
          JsonData.map("frame", frame.index(), "captured", true, what, List.of()));
    }
    var rows = LocalsTable.rows(shown, locals.graph(), session.renderer());
    List<Object> data = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Local local = shown.get(i);
      data.add(JsonData.map("name", local.name(), "type", local.declaredType(), "argument", local.argument(),
          "value", JsonData.value(local.value()), "text", rows.get(i).value().toString()));
    }
    List<AttributedString> lines = LocalsTable.render(rows, session.lineWidth());
    return Reply.of(lines, JsonData.map("frame", frame.index(), "captured", true, what, data));
  }
}
