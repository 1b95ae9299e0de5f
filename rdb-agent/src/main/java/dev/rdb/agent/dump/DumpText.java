package dev.rdb.agent.dump;

import dev.rdb.core.Literals;
import dev.rdb.core.TypeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code .txt} beside a dump: for each post-mortem what the REPL prints for {@code where}, then
 * for every captured frame what {@code frame N} and {@code locals} print. It mirrors rdb-cli's
 * {@code StackView}, {@code LocalsTable} and {@code ValueRenderer} at their default limits (the
 * agent cannot depend on rdb-cli), without colours, from the same {@link Snapshot} as the JSON.
 */
final class DumpText {

  /** The REPL's defaults: two levels, ten elements, 80 characters, 120 columns. */
  private static final int DEPTH = 2;
  private static final int WIDTH = 10;
  private static final int STRING_LENGTH = 80;
  private static final int LINE_WIDTH = 120;
  /** Uncaptured frames shown past the outermost captured one (test runner, reflection). */
  private static final int OUTER_FRAMES = 3;

  private DumpText() {}

  static String render(Snapshot snapshot) {
    StringBuilder out = new StringBuilder();
    for (Snapshot.PostMortem pm : snapshot.postMortems()) {
      where(out, pm);
      for (int i = 0; i < pm.frames().size(); i++) {
        Snapshot.Frame frame = pm.frames().get(i);
        if (frame.captured()) {
          out.append('\n');
          frameLine(out, i, frame, true, digits(pm));
          out.append('\n');
          locals(out, frame);
        }
      }
    }
    if (snapshot.truncated()) {
      out.append("\n(objects beyond the dump's budget of ").append(snapshot.limits().budgetBytes())
          .append(" bytes were left out)\n");
    }
    return out.toString();
  }

  private static void where(StringBuilder out, Snapshot.PostMortem pm) {
    out.append("Post-mortem #").append(pm.id()).append("  ").append(pm.name());
    if (pm.thread() != null && !pm.thread().isEmpty()) {
      out.append("  thread ").append(pm.thread());
    }
    if (pm.time() != null && !pm.time().isEmpty()) {
      out.append("  ").append(pm.time());
    }
    out.append('\n');
    exceptionLine(out, pm.exception());
    int last = -1;
    for (int i = 0; i < pm.frames().size(); i++) {
      if (pm.frames().get(i).captured()) {
        last = i;
      }
    }
    int shown = last < 0 ? pm.frames().size() : Math.min(pm.frames().size(), last + 1 + OUTER_FRAMES);
    for (int i = 0; i < shown; i++) {
      frameLine(out, i, pm.frames().get(i), false, digits(pm));
      out.append('\n');
    }
    if (shown < pm.frames().size()) {
      out.append("    … ").append(pm.frames().size() - shown).append(" more frames, none captured\n");
    }
    for (Snapshot.ExceptionInfo cause = pm.exception().cause(); cause != null; cause = cause.cause()) {
      out.append("Caused by: ");
      exceptionLine(out, cause);
    }
  }

  private static void exceptionLine(StringBuilder out, Snapshot.ExceptionInfo e) {
    out.append(e.type()).append(e.message() == null ? "" : ": " + e.message()).append('\n');
  }

  private static int digits(Snapshot.PostMortem pm) {
    return String.valueOf(Math.max(0, pm.frames().size() - 1)).length();
  }

  /** {@code ->  #1 * at com.acme.Shop.checkout(Shop.java:17)}. */
  private static void frameLine(StringBuilder out, int index, Snapshot.Frame frame, boolean selected, int digits) {
    out.append(selected ? "->  " : "    ").append(String.format("#%-" + digits + "d", index));
    out.append(frame.captured() ? " * " : "   ").append("at ");
    out.append(frame.className()).append('.').append(frame.methodName());
    String where = frame.fileName() == null ? "Unknown Source"
        : frame.line() > 0 ? frame.fileName() + ":" + frame.line() : frame.fileName();
    out.append('(').append(where).append(')');
  }

  private static void locals(StringBuilder out, Snapshot.Frame frame) {
    if (frame.locals().isEmpty()) {
      out.append("(no locals)\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (Snapshot.Local local : frame.locals()) {
      rows.add(new String[] {local.name(), simple(local.type()), inline(local.value(), local.type())});
    }
    int nameWidth = "name".length();
    int typeWidth = "type".length();
    for (String[] row : rows) {
      nameWidth = Math.max(nameWidth, row[0].length());
      typeWidth = Math.max(typeWidth, Math.min(row[1].length(), 40));
    }
    out.append(pad("name", nameWidth)).append("  ").append(pad("type", typeWidth)).append("  value\n");
    for (String[] row : rows) {
      String type = row[1].length() > typeWidth ? row[1].substring(0, typeWidth - 1) + "…" : row[1];
      String line = pad(row[0], nameWidth) + "  " + pad(type, typeWidth) + "  " + row[2];
      if (line.codePointCount(0, line.length()) > LINE_WIDTH) {
        line = line.substring(0, line.offsetByCodePoints(0, LINE_WIDTH - 1)) + "…";
      }
      out.append(line).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** The value on one line, as the REPL's {@code locals} shows it. */
  static String inline(DumpValue value, String declared) {
    StringBuilder out = new StringBuilder();
    inline(out, value, declared, 0, new HashSet<>());
    return out.toString();
  }

  private static void inline(StringBuilder out, DumpValue value, String declared, int level, Set<String> path) {
    if (value instanceof DumpValue.Scalar s) {
      if (s.text() != null) {
        out.append(s.text());
      } else if ("char".equals(declared)) {
        out.append('\'').append(Literals.escape(s.json().toString(), '\'')).append('\'');
      } else {
        text(out, s.json().toString(), s.json().toString().length());
      }
    } else if (value instanceof DumpValue.CutText t) {
      text(out, t.text(), t.length());
    } else if (value instanceof DumpValue.EnumConstant e) {
      out.append(simple(e.type())).append('.').append(e.name());
    } else if (value instanceof DumpValue.Boxed b) {
      out.append(b.value().text());
    } else if (value instanceof DumpValue.Redacted) {
      out.append("<redacted>");
    } else {
      reference(out, ((DumpValue.Ref) value).node(), level, path);
    }
  }

  private static void text(StringBuilder out, String text, int length) {
    String shown = text;
    boolean cut = length > text.length();
    if (shown.length() > STRING_LENGTH) {
      int end = STRING_LENGTH;
      if (Character.isHighSurrogate(shown.charAt(end - 1))) {
        end--;
      }
      shown = shown.substring(0, end);
      cut = true;
    }
    out.append('"').append(Literals.escape(shown, '"')).append(cut ? "…\"" : "\"");
    if (cut) {
      out.append(" (length ").append(length).append(')');
    }
  }

  private static void reference(StringBuilder out, ObjectNode node, int level, Set<String> path) {
    if (!node.recorded()) {
      out.append(simple(node.type)).append(" <not in dump (").append(node.absence()).append(" limit)>");
      return;
    }
    if (node.valueClass) {
      out.append(node.summary);
      return;
    }
    if (path.contains(node.id)) {
      out.append("<cycle: ").append(simple(node.type)).append('@').append(node.identity).append('>');
      return;
    }
    header(out, node);
    if (level >= DEPTH) {
      out.append(node.kind == ObjectNode.Kind.OBJECT || node.kind == ObjectNode.Kind.MAP ? " {…}" : " […]");
      return;
    }
    path.add(node.id);
    switch (node.kind) {
      case OBJECT -> {
        out.append(" {");
        int i = 0;
        for (ObjectNode.Field field : node.fields) {
          if (i == WIDTH) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ").append(field.name()).append('=');
          inline(out, field.value(), field.type(), level + 1, path);
        }
        tail(out, node.fields.size(), node.fieldsTruncated ? -1 : node.fields.size(), i);
        out.append('}');
      }
      case MAP -> {
        out.append(" {");
        int i = 0;
        for (ObjectNode.Entry entry : node.entries) {
          if (i == WIDTH) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ");
          key(out, entry.key(), level + 1, path);
          out.append('=');
          inline(out, entry.value(), null, level + 1, path);
        }
        tail(out, node.entries.size(), node.size, i);
        out.append('}');
      }
      default -> {
        out.append(" [");
        String component = node.kind == ObjectNode.Kind.ARRAY && node.type.endsWith("[]")
            ? node.type.substring(0, node.type.length() - 2) : null;
        int i = 0;
        for (DumpValue element : node.elements) {
          if (i == WIDTH) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ");
          inline(out, element, component, level + 1, path);
        }
        tail(out, node.elements.size(), node.size, i);
        out.append(']');
      }
    }
    path.remove(node.id);
  }

  private static void tail(StringBuilder out, int recorded, int total, int shown) {
    int hidden = (total < 0 ? recorded : total) - shown;
    if (hidden > 0) {
      out.append(shown == 0 ? "" : ", ").append("… +").append(hidden).append(" more");
    } else if (total < 0) {
      out.append(shown == 0 ? "" : ", ").append('…');
    }
  }

  /** Map keys that are plain words print bare, as in Java's toString; others as values. */
  private static void key(StringBuilder out, DumpValue key, int level, Set<String> path) {
    if (key instanceof DumpValue.Scalar s && s.text() == null && Literals.isBareWord(s.json().toString())) {
      out.append(s.json());
    } else {
      inline(out, key, null, level, path);
    }
  }

  private static void header(StringBuilder out, ObjectNode node) {
    if (node.kind == ObjectNode.Kind.ARRAY && node.type.endsWith("[]")) {
      out.append(simple(node.type.substring(0, node.type.length() - 2))).append('[').append(node.size).append(']');
    } else if (node.kind == ObjectNode.Kind.COLLECTION || node.kind == ObjectNode.Kind.MAP) {
      out.append(simple(node.type)).append(" size=").append(node.size);
    } else {
      out.append(simple(node.type)).append('@').append(node.identity);
    }
  }

  /** The short form rdb-cli prints; {@code "?"} for a type the dump does not know. */
  static String simple(String type) {
    return type == null ? "?" : TypeNames.simple(type);
  }
}
