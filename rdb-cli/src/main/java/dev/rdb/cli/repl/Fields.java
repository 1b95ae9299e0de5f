package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.render.LocalsTable;
import dev.rdb.cli.render.ValueRenderer;
import dev.rdb.core.TypeNames;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** {@code fields EXPR}: the object's fields (or elements, or entries) as a name/type/value table. */
final class Fields implements ReplCommand {
  @Override
  public String name() {
    return "fields";
  }

  @Override
  public String usage() {
    return "fields EXPR";
  }

  @Override
  public String summary() {
    return "show the fields of the object EXPR as a table";
  }

  @Override
  public Reply run(Session session, String argument) {
    int depth = Math.max(1, session.limits().depth());
    Print.Evaluated e = Print.evaluate(session, Arguments.expression(name(), argument), depth);
    if (!(e.value() instanceof Value.ObjectRef ref)) {
      throw new CommandException(argument + " is " + (e.value() instanceof Value.Null ? "null" : "a "
          + e.value().typeName() + " value") + ": it has no fields");
    }
    Description d = e.graph().find(ref).orElseThrow(() -> new CommandException(argument + ": "
        + e.graph().absence(ref).orElse("the target did not describe it")));
    ValueRenderer renderer = new ValueRenderer(session.limits().withDepth(Math.max(0, session.limits().depth() - 1)));
    List<LocalsTable.Row> rows = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    switch (d.kind()) {
      case OBJECT -> d.fields().forEach(f -> {
        rows.add(new LocalsTable.Row(f.name(), TypeNames.simple(f.declaredType()), renderer.inline(f.value(), e.graph())));
        data.add(JsonData.map("name", f.name(), "type", f.declaredType(), "value", JsonData.value(f.value())));
      });
      case MAP -> d.entries().forEach(en -> {
        String key = renderer.inline(en.key(), e.graph()).toString();
        rows.add(new LocalsTable.Row(key, TypeNames.simple(en.value().typeName()), renderer.inline(en.value(), e.graph())));
        data.add(JsonData.map("key", JsonData.value(en.key()), "value", JsonData.value(en.value())));
      });
      default -> {
        for (int i = 0; i < d.elements().size(); i++) {
          Value v = d.elements().get(i);
          rows.add(new LocalsTable.Row("[" + i + "]", TypeNames.simple(v.typeName()), renderer.inline(v, e.graph())));
          data.add(JsonData.map("index", i, "value", JsonData.value(v)));
        }
      }
    }
    List<AttributedString> lines = new ArrayList<>();
    lines.add(new AttributedString(TypeNames.simple(d.type()) + (d.identity().isEmpty() ? "" : "@" + d.identity())
        + (d.kind() == Description.Kind.OBJECT ? "" : " size=" + d.size())));
    lines.addAll(LocalsTable.render(rows, session.lineWidth()));
    if (!d.complete()) {
      lines.add(new AttributedString("… more not recorded"));
    }
    return Reply.of(lines, JsonData.map("expression", argument, "type", d.type(), "kind", d.kind().name().toLowerCase(),
        "size", d.size(), "complete", d.complete(), "members", data));
  }
}
