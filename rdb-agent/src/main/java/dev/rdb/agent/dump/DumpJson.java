package dev.rdb.agent.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link Snapshot} as {@code docs/DUMP-FORMAT.md} version 1, compact, with jackson-core
 * (relocated in the agent jar). Also measures parts of the document exactly, which is how the
 * walker keeps a dump within its byte budget: a reference is measured in its longest form (not
 * recorded, for budget), so the file is never larger than measured.
 */
final class DumpJson {

  static final String FORMAT = "rdb-dump";
  static final int VERSION = 1;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** The document's first members, the same for every post-mortem of a JVM but for {@code created}. */
  record Header(String created, String javaVersion, String vendor, long pid, String mainClass) {}

  private DumpJson() {}

  static void write(Snapshot snapshot, Header header, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      document(g, snapshot.postMortems(), snapshot.objects(), snapshot.limits(), header,
          snapshot.truncated());
    }
  }

  /** Bytes of the document with no objects, and {@code "truncated": true} counted in. */
  static long measureWithoutObjects(List<Snapshot.PostMortem> postMortems, DumpLimits limits, Header header) {
    return measure(g -> document(g, postMortems, List.of(), limits, header, true));
  }

  /** Bytes one entry of {@code objects} adds, its separating comma included. */
  static long measureObject(ObjectNode node) {
    return measure(g -> {
      g.writeStartObject();
      g.writeFieldName(node.id);
      object(g, node);
      g.writeEndObject();
    }) - 2 + 1;
  }

  private interface Part {
    void write(JsonGenerator g) throws IOException;
  }

  private static long measure(Part part) {
    Counting counting = new Counting();
    try (JsonGenerator g = JSON.createGenerator(counting)) {
      part.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counting.count;
  }

  private static void document(JsonGenerator g, List<Snapshot.PostMortem> postMortems,
      List<ObjectNode> objects, DumpLimits limits, Header header, boolean truncated) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeNumberField("version", VERSION);
    g.writeStringField("created", header.created());
    g.writeObjectFieldStart("jvm");
    string(g, "version", header.javaVersion());
    string(g, "vendor", header.vendor());
    g.writeNumberField("pid", header.pid());
    if (header.mainClass() != null) {
      string(g, "mainClass", header.mainClass());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("limits");
    g.writeNumberField("depth", limits.depth());
    g.writeNumberField("elements", limits.elements());
    g.writeNumberField("stringLength", limits.stringLength());
    g.writeNumberField("fields", limits.fields());
    g.writeNumberField("budgetBytes", limits.budgetBytes());
    g.writeEndObject();
    if (truncated) {
      g.writeBooleanField("truncated", true);
    }
    g.writeArrayFieldStart("postMortems");
    for (Snapshot.PostMortem pm : postMortems) {
      postMortem(g, pm);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("objects");
    for (ObjectNode node : objects) {
      g.writeFieldName(node.id);
      object(g, node);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void postMortem(JsonGenerator g, Snapshot.PostMortem pm) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", pm.id());
    string(g, "time", pm.time());
    string(g, "thread", pm.thread());
    string(g, "name", pm.name());
    g.writeFieldName("exception");
    exception(g, pm.exception());
    g.writeArrayFieldStart("frames");
    for (Snapshot.Frame f : pm.frames()) {
      g.writeStartObject();
      string(g, "class", f.className());
      string(g, "method", f.methodName());
      string(g, "file", f.fileName());
      g.writeNumberField("line", f.line() > 0 ? f.line() : -1);
      g.writeBooleanField("captured", f.captured());
      if (f.captured()) {
        g.writeBooleanField("namesAvailable", f.namesAvailable());
      }
      g.writeArrayFieldStart("locals");
      for (Snapshot.Local l : f.locals()) {
        g.writeStartObject();
        string(g, "name", l.name());
        string(g, "type", l.type());
        g.writeBooleanField("argument", l.argument());
        g.writeFieldName("value");
        value(g, l.value());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void exception(JsonGenerator g, Snapshot.ExceptionInfo e) throws IOException {
    if (e == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    string(g, "type", e.type());
    string(g, "message", e.message());
    g.writeArrayFieldStart("stack");
    for (String line : e.stack()) {
      g.writeString(clean(line));
    }
    g.writeEndArray();
    g.writeFieldName("cause");
    exception(g, e.cause());
    g.writeEndObject();
  }

  private static void object(JsonGenerator g, ObjectNode node) throws IOException {
    g.writeStartObject();
    string(g, "type", node.type);
    string(g, "identity", node.identity);
    if (node.summary != null) {
      string(g, "summary", node.summary);
    }
    switch (node.kind) {
      case OBJECT -> {
        g.writeStringField("kind", "object");
        g.writeArrayFieldStart("fields");
        for (ObjectNode.Field f : node.fields) {
          g.writeStartObject();
          string(g, "name", f.name());
          string(g, "type", f.type());
          g.writeFieldName("value");
          value(g, f.value());
          g.writeEndObject();
        }
        g.writeEndArray();
        if (node.fieldsTruncated) {
          g.writeBooleanField("fieldsTruncated", true);
        }
      }
      case ARRAY, COLLECTION -> {
        g.writeStringField("kind", node.kind == ObjectNode.Kind.ARRAY ? "array" : "collection");
        g.writeNumberField("size", node.size);
        g.writeArrayFieldStart("elements");
        for (DumpValue v : node.elements) {
          value(g, v);
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStringField("kind", "map");
        g.writeNumberField("size", node.size);
        g.writeArrayFieldStart("entries");
        for (ObjectNode.Entry e : node.entries) {
          g.writeStartObject();
          g.writeFieldName("key");
          value(g, e.key());
          g.writeFieldName("value");
          value(g, e.value());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, DumpValue v) throws IOException {
    if (v instanceof DumpValue.Scalar s) {
      scalar(g, s.json());
    } else if (v instanceof DumpValue.CutText t) {
      g.writeStartObject();
      string(g, "string", t.text());
      g.writeNumberField("length", t.length());
      g.writeEndObject();
    } else if (v instanceof DumpValue.EnumConstant e) {
      g.writeStartObject();
      string(g, "enum", e.type());
      string(g, "name", e.name());
      g.writeEndObject();
    } else if (v instanceof DumpValue.Boxed b) {
      g.writeStartObject();
      string(g, "boxed", b.boxClass());
      g.writeFieldName("value");
      scalar(g, b.value().json());
      g.writeEndObject();
    } else if (v instanceof DumpValue.Redacted) {
      g.writeStartObject();
      g.writeBooleanField("redacted", true);
      g.writeEndObject();
    } else {
      ObjectNode node = ((DumpValue.Ref) v).node();
      g.writeStartObject();
      g.writeStringField("ref", node.id);
      string(g, "type", node.type);
      string(g, "summary", node.summary);
      String absence = node.absence();
      if (absence != null) {
        g.writeBooleanField("truncated", true);
        g.writeStringField("reason", absence);
      }
      g.writeEndObject();
    }
  }

  private static void scalar(JsonGenerator g, Object json) throws IOException {
    if (json == null) {
      g.writeNull();
    } else if (json instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (json instanceof Long l) {
      g.writeNumber(l);
    } else if (json instanceof Double d) {
      g.writeNumber(d);
    } else if (json instanceof Float f) {
      g.writeNumber(f);
    } else {
      g.writeString(clean(json.toString()));
    }
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(clean(value));
    }
  }

  /** Replaces unpaired surrogates (legal in a Java string, not in UTF-8) with U+FFFD. */
  static String clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired) {
          return replaceLoneSurrogates(s);
        }
        i++;
      }
    }
    return s;
  }

  private static String replaceLoneSurrogates(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(i + 1));
        i++;
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Counts bytes, keeps none. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
