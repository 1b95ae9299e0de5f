package dev.rdb.cli.render;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.core.Literals;
import dev.rdb.core.TypeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Renders values like a good IDE. One line ({@link #inline}): {@code 3}, {@code "text"},
 * {@code ArrayList size=3 [1, 2, 3]}, {@code HashMap size=2 {a=1, b=2}},
 * {@code Order@1a2b {id=7, total=12.50}}, {@code int[4] [1, 2, 3, 4]}, {@code Status.PAID}; with the
 * type in front of primitives ({@link #typed}: {@code int 3}); or as an indented tree
 * ({@link #expanded}). Objects on the current path print as {@code <cycle: Order@1a2b>}; objects
 * beyond the depth limit as {@code Order@1a2b {…}}; values of JDK value classes (BigDecimal,
 * Instant, UUID, boxed numbers) by their summary. The renderer never talks to the target: it
 * shows what the {@link ObjectGraph} holds.
 */
public final class ValueRenderer {
  private static final Set<String> VALUE_CLASSES = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
      "java.lang.Double", "java.lang.Float", "java.lang.Character", "java.lang.Boolean", "java.lang.Class",
      "java.lang.StringBuilder", "java.lang.StringBuffer", "java.util.UUID", "java.util.Date",
      "java.sql.Date", "java.sql.Timestamp", "java.util.Locale", "java.util.Currency",
      "java.util.regex.Pattern", "java.net.URI", "java.net.URL", "java.net.InetSocketAddress",
      "java.net.Inet4Address", "java.net.Inet6Address", "java.io.File", "java.nio.charset.Charset");

  private final RenderLimits limits;

  public ValueRenderer(RenderLimits limits) {
    this.limits = limits;
  }

  public RenderLimits limits() {
    return limits;
  }

  /** The value on one line, expanding objects down to the depth limit. */
  public AttributedString inline(Value value, ObjectGraph graph) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    inline(out, value, graph, 0, new HashSet<>());
    return out.toAttributedString();
  }

  /** Like {@link #inline}, with the type in front of primitives and value-class summaries. */
  public AttributedString typed(Value value, ObjectGraph graph) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    if (value instanceof Value.Primitive p) {
      out.styled(Styles.TYPE, p.typeName()).append(' ');
    } else if (value instanceof Value.ObjectRef ref && graph.find(ref).map(ValueRenderer::isValueClass).orElse(false)) {
      out.styled(Styles.TYPE, TypeNames.simple(ref.type())).append(' ');
    }
    inline(out, value, graph, 0, new HashSet<>());
    return out.toAttributedString();
  }

  /** The value as an indented tree, one field, element or entry per line. */
  public List<AttributedString> expanded(Value value, ObjectGraph graph) {
    List<AttributedString> lines = new ArrayList<>();
    AttributedStringBuilder first = new AttributedStringBuilder();
    expand(lines, first, value, graph, 0, new HashSet<>());
    return lines;
  }

  private void expand(List<AttributedString> lines, AttributedStringBuilder line, Value value,
      ObjectGraph graph, int level, Set<String> path) {
    checkCancelled();
    Description d = value instanceof Value.ObjectRef ref ? graph.find(ref).orElse(null) : null;
    if (d == null || isValueClass(d) || level >= limits.depth() || path.contains(d.ref().id())) {
      inline(line, value, graph, level, path);
      lines.add(line.toAttributedString());
      return;
    }
    header(line, d);
    lines.add(line.toAttributedString());
    path.add(d.ref().id());
    String indent = "  ".repeat(level + 1);
    int shown = 0;
    switch (d.kind()) {
      case OBJECT -> {
        for (Description.Field field : d.fields()) {
          if (shown++ == limits.width()) {
            break;
          }
          AttributedStringBuilder child = new AttributedStringBuilder().append(indent);
          child.styled(Styles.NAME, field.name()).append(" = ");
          expand(lines, child, field.value(), graph, level + 1, path);
        }
        more(lines, indent, d.fields().size(), d.complete() ? d.fields().size() : -1, shown);
      }
      case MAP -> {
        for (Description.Entry entry : d.entries()) {
          if (shown++ == limits.width()) {
            break;
          }
          AttributedStringBuilder child = new AttributedStringBuilder().append(indent);
          key(child, entry.key(), graph, level + 1, path);
          child.append(" = ");
          expand(lines, child, entry.value(), graph, level + 1, path);
        }
        more(lines, indent, d.entries().size(), d.size(), shown);
      }
      default -> {
        for (int i = 0; i < d.elements().size(); i++) {
          if (shown++ == limits.width()) {
            break;
          }
          AttributedStringBuilder child = new AttributedStringBuilder().append(indent);
          child.styled(Styles.NOTE, "[" + i + "]").append(" = ");
          expand(lines, child, d.elements().get(i), graph, level + 1, path);
        }
        more(lines, indent, d.elements().size(), d.size(), shown);
      }
    }
    path.remove(d.ref().id());
  }

  private void more(List<AttributedString> lines, String indent, int recorded, int total, int shown) {
    int visible = Math.min(shown, limits.width());
    int hidden = (total < 0 ? recorded : total) - visible;
    if (hidden > 0 || total < 0) {
      lines.add(new AttributedStringBuilder().append(indent)
          .styled(Styles.NOTE, hidden > 0 ? "… +" + hidden + " more" : "… more not recorded").toAttributedString());
    }
  }

  private void inline(AttributedStringBuilder out, Value value, ObjectGraph graph, int level, Set<String> path) {
    checkCancelled();
    if (value instanceof Value.Null) {
      out.styled(Styles.KEYWORD, "null");
    } else if (value instanceof Value.Primitive p) {
      primitive(out, p);
    } else if (value instanceof Value.Text t) {
      text(out, t);
    } else if (value instanceof Value.EnumConstant e) {
      out.styled(Styles.TYPE, TypeNames.simple(e.type())).append('.').append(e.name());
    } else if (value instanceof Value.Redacted) {
      out.styled(Styles.NOTE, "<redacted>");
    } else if (value instanceof Value.ListValue list) {
      out.append('[');
      for (int i = 0; i < list.elements().size(); i++) {
        if (i == limits.width()) {
          out.styled(Styles.NOTE, ", … +" + (list.elements().size() - i) + " more");
          break;
        }
        out.append(i == 0 ? "" : ", ");
        inline(out, list.elements().get(i), graph, level + 1, path);
      }
      out.append(']');
    } else {
      reference(out, (Value.ObjectRef) value, graph, level, path);
    }
  }

  private void reference(AttributedStringBuilder out, Value.ObjectRef ref, ObjectGraph graph, int level, Set<String> path) {
    Description d = graph.find(ref).orElse(null);
    if (d == null) {
      out.styled(Styles.TYPE, TypeNames.simple(ref.type()));
      String absence = graph.absence(ref).orElse(null);
      if (absence != null) {
        out.append(' ').styled(Styles.NOTE, "<" + absence + ">");
      } else {
        out.append(' ').styled(Styles.NOTE, "{…}");
      }
      return;
    }
    if (isValueClass(d)) {
      out.append(d.ref().summary());
      return;
    }
    if (path.contains(ref.id())) {
      out.styled(Styles.NOTE, "<cycle: " + TypeNames.simple(ref.type()) + identity(d) + ">");
      return;
    }
    header(out, d);
    if (level >= limits.depth()) {
      out.append(' ').styled(Styles.NOTE, d.kind() == Description.Kind.OBJECT || d.kind() == Description.Kind.MAP ? "{…}" : "[…]");
      return;
    }
    path.add(ref.id());
    switch (d.kind()) {
      case OBJECT -> {
        out.append(" {");
        int i = 0;
        for (Description.Field field : d.fields()) {
          if (i == limits.width()) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ").append(field.name()).append('=');
          inline(out, field.value(), graph, level + 1, path);
        }
        tail(out, d.fields().size(), d.complete() ? d.fields().size() : -1, i);
        out.append('}');
      }
      case MAP -> {
        out.append(" {");
        int i = 0;
        for (Description.Entry entry : d.entries()) {
          if (i == limits.width()) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ");
          key(out, entry.key(), graph, level + 1, path);
          out.append('=');
          inline(out, entry.value(), graph, level + 1, path);
        }
        tail(out, d.entries().size(), d.size(), i);
        out.append('}');
      }
      default -> {
        out.append(" [");
        int i = 0;
        for (Value element : d.elements()) {
          if (i == limits.width()) {
            break;
          }
          out.append(i++ == 0 ? "" : ", ");
          inline(out, element, graph, level + 1, path);
        }
        tail(out, d.elements().size(), d.size(), i);
        out.append(']');
      }
    }
    path.remove(ref.id());
  }

  private void tail(AttributedStringBuilder out, int recorded, int total, int shown) {
    int hidden = (total < 0 ? recorded : total) - shown;
    if (hidden > 0) {
      out.styled(Styles.NOTE, (shown == 0 ? "" : ", ") + "… +" + hidden + " more");
    } else if (total < 0) {
      out.styled(Styles.NOTE, (shown == 0 ? "" : ", ") + "…");
    }
  }

  /** Map keys that are plain words print bare, as in Java's toString; others as values. */
  private void key(AttributedStringBuilder out, Value key, ObjectGraph graph, int level, Set<String> path) {
    if (key instanceof Value.Text t && !t.isCut() && Literals.isBareWord(t.text())) {
      out.append(t.text());
    } else {
      inline(out, key, graph, level, path);
    }
  }

  private void header(AttributedStringBuilder out, Description d) {
    String type = d.type();
    if (d.kind() == Description.Kind.ARRAY && type.endsWith("[]")) {
      out.styled(Styles.TYPE, TypeNames.simple(type.substring(0, type.length() - 2)))
          .styled(Styles.TYPE, "[" + d.size() + "]");
    } else if (d.kind() == Description.Kind.COLLECTION || d.kind() == Description.Kind.MAP) {
      out.styled(Styles.TYPE, TypeNames.simple(type)).append(" size=").styled(Styles.NUMBER, String.valueOf(d.size()));
    } else {
      out.styled(Styles.TYPE, TypeNames.simple(type) + identity(d));
    }
  }

  private static String identity(Description d) {
    return d.identity().isEmpty() ? "" : "@" + d.identity();
  }

  /**
   * JDK classes whose toString is their value (numbers, dates, ids, paths, patterns): shown by
   * summary, never expanded. Other JDK objects (exceptions, threads, Optional) expand like any.
   */
  private static boolean isValueClass(Description d) {
    if (d.kind() != Description.Kind.OBJECT) {
      return false;
    }
    String type = d.type();
    // A live agent describes JDK throwables and value-like JDK types by summary alone, without fields.
    boolean summaryOnly = d.fields().isEmpty() && d.complete() && !d.ref().summary().isEmpty();
    return summaryOnly || VALUE_CLASSES.contains(type) || type.startsWith("java.time.") || type.startsWith("java.math.")
        || type.startsWith("java.util.concurrent.atomic.") || type.startsWith("sun.nio.cs.")
        || type.startsWith("sun.nio.fs.") && type.endsWith("Path");
  }

  private static void primitive(AttributedStringBuilder out, Value.Primitive p) {
    Object boxed = p.boxed();
    if (boxed instanceof Character c) {
      out.styled(Styles.STRING, "'" + Literals.escape(String.valueOf(c), '\'') + "'");
    } else if (boxed instanceof Boolean b) {
      out.styled(Styles.KEYWORD, b.toString());
    } else if (boxed instanceof Float f) {
      out.styled(Styles.NUMBER, f + "f");
    } else if (boxed instanceof Long l) {
      out.styled(Styles.NUMBER, l.toString());
    } else {
      out.styled(Styles.NUMBER, boxed.toString());
    }
  }

  private void text(AttributedStringBuilder out, Value.Text t) {
    String shown = t.text();
    boolean cut = t.isCut();
    if (shown.length() > limits.stringLength()) {
      int end = limits.stringLength();
      if (Character.isHighSurrogate(shown.charAt(end - 1))) {
        end--;
      }
      shown = shown.substring(0, end);
      cut = true;
    }
    out.styled(Styles.STRING, "\"" + Literals.escape(shown, '"') + (cut ? "…\"" : "\""));
    if (cut) {
      out.append(' ').styled(Styles.NOTE, "(length " + t.length() + ")");
    }
  }

  private static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new RenderCancelledException();
    }
  }

  /** The user pressed Ctrl-C while a large value was being rendered. */
  public static final class RenderCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderCancelledException() {
      super("cancelled");
    }
  }
}
