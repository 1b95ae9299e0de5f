package dev.rdb.cli.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Capture} as a dump (docs/DUMP-FORMAT.md, version 1) with jackson-core's
 * streaming generator. Values take the format's forms: numbers of the declared type, longs past
 * 2^53 and non-finite floats as strings, boxed primitives in reference slots as
 * {@code {"boxed": …}} when a plain number would read back as another class, strings past the
 * limit as {@code {"string": …, "length": N}}, references to objects left out with
 * {@code "truncated": true} and the reason.
 */
final class DumpJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final long MAX_SAFE_INTEGER = 1L << 53;
  private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
      "char");

  private final Capture capture;
  private final DumpLimits limits;
  private final Map<String, Object> jvm;

  /** @param jvm free-form facts about the target for the {@code jvm} member */
  DumpJson(Capture capture, DumpLimits limits, Map<String, Object> jvm) {
    this.capture = capture;
    this.limits = limits;
    this.jvm = jvm;
  }

  void write(OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", "rdb-dump");
      json.writeNumberField("version", 1);
      json.writeStringField("created", Instant.now().toString());
      json.writeObjectFieldStart("jvm");
      for (Map.Entry<String, Object> fact : jvm.entrySet()) {
        json.writeFieldName(fact.getKey());
        if (fact.getValue() instanceof Number n) {
          json.writeNumber(n.longValue());
        } else {
          json.writeString(String.valueOf(fact.getValue()));
        }
      }
      json.writeEndObject();
      json.writeObjectFieldStart("limits");
      json.writeNumberField("depth", limits.depth());
      json.writeNumberField("elements", limits.elements());
      json.writeNumberField("stringLength", limits.stringLength());
      json.writeNumberField("fields", limits.fields());
      json.writeNumberField("budgetBytes", limits.budgetBytes());
      json.writeEndObject();
      json.writeArrayFieldStart("postMortems");
      for (PostMortem pm : capture.postMortems()) {
        postMortem(json, pm);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("objects");
      for (Map.Entry<String, Description> object : capture.objects().entrySet()) {
        json.writeFieldName(object.getKey());
        object(json, object.getValue(), limits, capture.leftOut());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("threads");
      for (ThreadInfo t : capture.threads()) {
        json.writeStartObject();
        json.writeStringField("name", t.name());
        json.writeStringField("state", t.state());
        json.writeBooleanField("daemon", t.daemon());
        json.writeArrayFieldStart("stack");
        for (String line : t.stack()) {
          json.writeString(line);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** About how many bytes {@code d} takes in a dump: what the budget is spent on. */
  static long estimate(Description d, DumpLimits limits) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      object(json, d, limits, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }

  private void postMortem(JsonGenerator json, PostMortem pm) throws IOException {
    json.writeStartObject();
    json.writeNumberField("id", pm.id());
    json.writeStringField("time", pm.summary().time());
    json.writeStringField("thread", pm.summary().thread());
    json.writeStringField("name", pm.summary().name());
    json.writeFieldName("exception");
    exception(json, pm.exception());
    json.writeArrayFieldStart("frames");
    Map<Integer, FrameLocals> locals = capture.locals().getOrDefault(pm.id(), Map.of());
    for (FrameInfo frame : pm.frames()) {
      json.writeStartObject();
      json.writeStringField("class", frame.className());
      json.writeStringField("method", frame.methodName());
      json.writeStringField("file", frame.fileName());
      json.writeNumberField("line", frame.line());
      json.writeBooleanField("captured", frame.captured());
      if (!frame.codeSource().isEmpty()) {
        json.writeStringField("codeSource", frame.codeSource());
      }
      json.writeArrayFieldStart("locals");
      FrameLocals fl = locals.get(frame.index());
      if (fl != null) {
        for (Local local : fl.locals()) {
          json.writeStartObject();
          json.writeStringField("name", local.name());
          json.writeStringField("type", local.declaredType());
          json.writeBooleanField("argument", local.argument());
          json.writeFieldName("value");
          value(json, local.value(), local.declaredType(), limits, capture.leftOut());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void exception(JsonGenerator json, ExceptionInfo e) throws IOException {
    if (e == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringField("type", e.type());
    json.writeStringField("message", e.message());
    json.writeArrayFieldStart("stack");
    for (String line : e.stack()) {
      json.writeString(line);
    }
    json.writeEndArray();
    json.writeFieldName("cause");
    exception(json, e.cause());
    if (e.postMortemId().isPresent()) {
      json.writeNumberField("postMortem", e.postMortemId().getAsInt());
    }
    json.writeEndObject();
  }

  private static void object(JsonGenerator json, Description d, DumpLimits limits, Map<String, String> leftOut)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("type", d.type());
    if (!d.identity().isEmpty()) {
      json.writeStringField("identity", d.identity());
    }
    if (!d.ref().summary().isEmpty()) {
      json.writeStringField("summary", d.ref().summary());
    }
    json.writeStringField("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
    switch (d.kind()) {
      case OBJECT -> {
        json.writeArrayFieldStart("fields");
        int written = 0;
        for (Description.Field field : d.fields()) {
          if (written++ == limits.fields()) {
            break;
          }
          json.writeStartObject();
          json.writeStringField("name", field.name());
          json.writeStringField("type", field.declaredType());
          json.writeFieldName("value");
          value(json, field.value(), field.declaredType(), limits, leftOut);
          json.writeEndObject();
        }
        json.writeEndArray();
        if (!d.complete() || d.fields().size() > limits.fields()) {
          json.writeBooleanField("fieldsTruncated", true);
        }
      }
      case MAP -> {
        json.writeNumberField("size", d.size());
        json.writeArrayFieldStart("entries");
        for (Description.Entry entry : d.entries().subList(0, Math.min(d.entries().size(), limits.elements()))) {
          json.writeStartObject();
          json.writeFieldName("key");
          value(json, entry.key(), "", limits, leftOut);
          json.writeFieldName("value");
          value(json, entry.value(), "", limits, leftOut);
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      default -> {
        json.writeNumberField("size", d.size());
        String component = d.kind() == Description.Kind.ARRAY ? d.type().substring(0, d.type().length() - 2) : "";
        json.writeArrayFieldStart("elements");
        for (Value element : d.elements().subList(0, Math.min(d.elements().size(), limits.elements()))) {
          value(json, element, component, limits, leftOut);
        }
        json.writeEndArray();
      }
    }
    json.writeEndObject();
  }

  /** A value in the dump's forms; {@code declared} is the slot's declared type ("" for none). */
  private static void value(JsonGenerator json, Value value, String declared, DumpLimits limits,
      Map<String, String> leftOut) throws IOException {
    if (value instanceof Value.Null) {
      json.writeNull();
    } else if (value instanceof Value.Primitive p) {
      boolean primitiveSlot = PRIMITIVES.contains(declared);
      Object boxed = p.boxed();
      boolean readsBackAsIs = boxed instanceof Integer || boxed instanceof Double || boxed instanceof Boolean;
      if (primitiveSlot || readsBackAsIs) {
        primitive(json, boxed);
      } else {
        json.writeStartObject();
        json.writeStringField("boxed", "java.lang." + boxed.getClass().getSimpleName());
        json.writeFieldName("value");
        primitive(json, boxed);
        json.writeEndObject();
      }
    } else if (value instanceof Value.Text t) {
      if (!t.isCut() && t.length() <= limits.stringLength()) {
        json.writeString(t.text());
      } else {
        json.writeStartObject();
        json.writeStringField("string", t.text().substring(0, Math.min(t.text().length(), limits.stringLength())));
        json.writeNumberField("length", t.length());
        json.writeEndObject();
      }
    } else if (value instanceof Value.EnumConstant e) {
      json.writeStartObject();
      json.writeStringField("enum", e.type());
      json.writeStringField("name", e.name());
      json.writeEndObject();
    } else if (value instanceof Value.ObjectRef r) {
      json.writeStartObject();
      json.writeStringField("ref", r.id());
      json.writeStringField("type", r.type());
      json.writeStringField("summary", r.summary());
      String reason = leftOut.get(r.id());
      if (reason != null) {
        json.writeBooleanField("truncated", true);
        json.writeStringField("reason", reason);
      }
      json.writeEndObject();
    } else if (value instanceof Value.ListValue list) {
      json.writeStartArray();
      for (Value element : list.elements()) {
        value(json, element, "", limits, leftOut);
      }
      json.writeEndArray();
    } else {
      json.writeStartObject();
      json.writeBooleanField("redacted", true);
      json.writeEndObject();
    }
  }

  private static void primitive(JsonGenerator json, Object boxed) throws IOException {
    if (boxed instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (boxed instanceof Character c) {
      json.writeString(c.toString());
    } else if (boxed instanceof Long l) {
      if (Math.abs(l) > MAX_SAFE_INTEGER) {
        json.writeString(l.toString());
      } else {
        json.writeNumber(l);
      }
    } else if (boxed instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        json.writeString(d.toString());
      } else {
        json.writeNumber(d);
      }
    } else if (boxed instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        json.writeString(f.toString());
      } else {
        json.writeNumber(f);
      }
    } else {
      json.writeNumber(((Number) boxed).longValue());
    }
  }
}
