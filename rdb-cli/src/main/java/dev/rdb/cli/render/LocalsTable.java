package dev.rdb.cli.render;

import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.core.TypeNames;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * {@code locals}, {@code args} and {@code fields}: an aligned table of name, declared type (short
 * form) and value, each row cut to the line width with an ellipsis.
 */
public final class LocalsTable {
  private LocalsTable() {}

  /** A row: name, declared type, value. */
  public record Row(String name, String type, AttributedString value) {}

  public static List<Row> rows(List<Local> locals, ObjectGraph graph, ValueRenderer renderer) {
    List<Row> rows = new ArrayList<>();
    for (Local local : locals) {
      rows.add(new Row(local.name(), TypeNames.simple(local.declaredType()), renderer.inline(local.value(), graph)));
    }
    return rows;
  }

  public static List<AttributedString> render(List<Row> rows, int lineWidth) {
    int nameWidth = "name".length();
    int typeWidth = "type".length();
    for (Row row : rows) {
      nameWidth = Math.max(nameWidth, row.name().length());
      typeWidth = Math.max(typeWidth, Math.min(row.type().length(), 40));
    }
    List<AttributedString> lines = new ArrayList<>();
    lines.add(new AttributedStringBuilder().styled(Styles.NOTE,
        pad("name", nameWidth) + "  " + pad("type", typeWidth) + "  value").toAttributedString());
    for (Row row : rows) {
      AttributedStringBuilder line = new AttributedStringBuilder();
      line.styled(Styles.NAME, pad(row.name(), nameWidth)).append("  ");
      String type = row.type().length() > typeWidth ? row.type().substring(0, typeWidth - 1) + "…" : row.type();
      line.styled(Styles.TYPE, pad(type, typeWidth)).append("  ");
      line.append(row.value());
      lines.add(cut(line.toAttributedString(), lineWidth));
    }
    return lines;
  }

  /** Cuts a line to {@code width} columns, ending it with an ellipsis when cut. */
  public static AttributedString cut(AttributedString line, int width) {
    if (width <= 1 || line.columnLength() <= width) {
      return line;
    }
    return new AttributedStringBuilder().append(line.columnSubSequence(0, width - 1)).append("…").toAttributedString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
