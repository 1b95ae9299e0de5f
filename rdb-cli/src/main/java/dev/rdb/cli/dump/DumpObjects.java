package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.Operand;
import dev.rdb.cli.debuggee.Plan;
import dev.rdb.cli.debuggee.PlanResult;
import dev.rdb.cli.debuggee.Step;
import dev.rdb.cli.debuggee.StepResult.Failure;
import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.TypeShape;
import dev.rdb.cli.debuggee.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recorded object graph of a dump, answering member steps and describes from memory. */
final class DumpObjects implements ObjectPort {
  private final Map<String, ObjectRecord> objects;
  private final Map<String, String> absentReasons;

  DumpObjects(Map<String, ObjectRecord> objects, Map<String, String> absentReasons) {
    this.objects = Map.copyOf(objects);
    this.absentReasons = Map.copyOf(absentReasons);
  }

  @Override
  public PlanResult execute(Plan plan) {
    List<StepResult> results = new ArrayList<>();
    for (Step step : plan.steps()) {
      results.add(run(step, results));
    }
    List<Value.ObjectRef> described = new ArrayList<>();
    for (int index : plan.describe()) {
      if (results.get(index) instanceof StepResult.Done done && done.value() instanceof Value.ObjectRef ref) {
        described.add(ref);
      }
    }
    return new PlanResult(results, describe(described, plan.describeDepth()));
  }

  @Override
  public ObjectGraph describe(List<Value.ObjectRef> refs, int depth) {
    Map<String, Description> out = new HashMap<>();
    Map<String, String> absent = new HashMap<>();
    Deque<Value.ObjectRef> level = new ArrayDeque<>(refs);
    for (int d = 0; d <= depth + 1 && !level.isEmpty(); d++) {
      Deque<Value.ObjectRef> next = new ArrayDeque<>();
      for (Value.ObjectRef ref : level) {
        ObjectRecord record = objects.get(ref.id());
        if (record == null) {
          absent.put(ref.id(), "not in dump (" + absentReasons.getOrDefault(ref.id(), "depth") + " limit)");
          continue;
        }
        if (d > depth || out.containsKey(ref.id())) {
          continue;
        }
        out.put(ref.id(), record.describe());
        for (Description.Field field : record.fields()) {
          enqueue(field.value(), next);
        }
        record.elements().forEach(v -> enqueue(v, next));
        for (Description.Entry entry : record.entries()) {
          enqueue(entry.key(), next);
          enqueue(entry.value(), next);
        }
      }
      level = next;
    }
    return ObjectGraph.of(out, absent);
  }

  private static void enqueue(Value value, Deque<Value.ObjectRef> next) {
    if (value instanceof Value.ObjectRef ref) {
      next.add(ref);
    }
  }

  @Override
  public Optional<TypeShape> shape(String typeName) {
    Map<String, TypeShape.FieldShape> fields = new LinkedHashMap<>();
    List<String> supertypes = List.of();
    boolean found = false;
    for (ObjectRecord record : objects.values()) {
      if (record.ref().type().equals(typeName)) {
        found = true;
        for (Description.Field field : record.fields()) {
          fields.putIfAbsent(field.name(), new TypeShape.FieldShape(field.name(), field.declaredType(), false));
        }
        if (supertypes.isEmpty()) {
          supertypes = record.supertypes();
        }
      }
    }
    return found ? Optional.of(new TypeShape(typeName, supertypes, List.copyOf(fields.values()), List.of()))
        : Optional.empty();
  }

  private StepResult run(Step step, List<StepResult> earlier) {
    for (Operand operand : Plan.operands(step)) {
      if (operand instanceof Operand.Result r && earlier.get(r.step()) instanceof StepResult.Failed f) {
        return new StepResult.Failed(Failure.INPUT_FAILED, f.message());
      }
    }
    if (step instanceof Step.StaticField) {
      return new StepResult.Failed(Failure.NO_SUCH_MEMBER, "static fields are not recorded in dumps");
    }
    Value target = value(Plan.operands(step).get(0), earlier);
    if (!(target instanceof Value.ObjectRef ref)) {
      return new StepResult.Failed(Failure.BAD_OPERAND, "a copied " + target.typeName() + " value has no members");
    }
    ObjectRecord record = objects.get(ref.id());
    if (record == null) {
      return notRecorded(ref);
    }
    if (step instanceof Step.GetField get) {
      return field(record, get.name());
    }
    if (step instanceof Step.Length) {
      return record.kind() == Description.Kind.OBJECT
          ? failed(Failure.BAD_OPERAND, simple(record) + " has no length: not an array, collection or map")
          : done(Value.of(record.size()));
    }
    if (step instanceof Step.Index index) {
      return index(record, value(index.key(), earlier));
    }
    Step.Call call = (Step.Call) step;
    List<Value> args = new ArrayList<>();
    for (Operand arg : call.args()) {
      args.add(value(arg, earlier));
    }
    return call(record, call.method(), args);
  }

  private StepResult field(ObjectRecord record, String name) {
    if (record.kind() == Description.Kind.ARRAY && name.equals("length")) {
      return done(Value.of(record.size()));
    }
    for (Description.Field field : record.fields()) {
      if (field.name().equals(name)) {
        return done(field.value());
      }
    }
    if (record.fieldsTruncated()) {
      return failed(Failure.NOT_RECORDED, "not in dump (field limit)");
    }
    return failed(Failure.NO_SUCH_MEMBER, "no field '" + name + "' in " + simple(record));
  }

  private StepResult index(ObjectRecord record, Value key) {
    switch (record.kind()) {
      case ARRAY, COLLECTION -> {
        if (!(key instanceof Value.Primitive p) || !(p.boxed() instanceof Integer || p.boxed() instanceof Long
            || p.boxed() instanceof Short || p.boxed() instanceof Byte)) {
          return failed(Failure.BAD_OPERAND, "an index must be an int, got " + key.typeName());
        }
        long i = ((Number) p.boxed()).longValue();
        if (record.kind() == Description.Kind.COLLECTION && !isList(record)) {
          return failed(Failure.BAD_OPERAND, simple(record) + " is not a list: it cannot be indexed");
        }
        if (i < 0 || i >= record.size()) {
          return failed(Failure.BAD_OPERAND, "index " + i + " out of bounds for length " + record.size());
        }
        if (i >= record.elements().size()) {
          return failed(Failure.NOT_RECORDED, "not in dump (element limit: "
              + record.elements().size() + " of " + record.size() + " recorded)");
        }
        return done(record.elements().get((int) i));
      }
      case MAP -> {
        for (Description.Entry entry : record.entries()) {
          if (sameKey(entry.key(), key)) {
            return done(entry.value());
          }
        }
        return record.complete() ? done(Value.NULL)
            : failed(Failure.NOT_RECORDED, "not in dump (element limit: "
                + record.entries().size() + " of " + record.size() + " entries recorded)");
      }
      default -> {
        return failed(Failure.BAD_OPERAND, simple(record) + " is not an array, list or map");
      }
    }
  }

  /** Calls a dump can answer truthfully from what it recorded of JDK collections and maps. */
  private StepResult call(ObjectRecord record, String method, List<Value> args) {
    boolean jdkContainer = record.kind() != Description.Kind.OBJECT && record.kind() != Description.Kind.ARRAY
        && record.ref().type().startsWith("java.util.");
    if (jdkContainer) {
      if (args.isEmpty() && method.equals("size")) {
        return done(Value.of(record.size()));
      }
      if (args.isEmpty() && method.equals("isEmpty")) {
        return done(Value.of(record.size() == 0));
      }
      if (args.size() == 1 && method.equals("get") && (record.kind() == Description.Kind.MAP || isList(record))) {
        return index(record, args.get(0));
      }
      if (args.size() == 1 && method.equals("containsKey") && record.kind() == Description.Kind.MAP) {
        for (Description.Entry entry : record.entries()) {
          if (sameKey(entry.key(), args.get(0))) {
            return done(Value.of(true));
          }
        }
        return record.complete() ? done(Value.of(false)) : failed(Failure.NOT_RECORDED, "not in dump (element limit)");
      }
    }
    return failed(Failure.NEEDS_LIVE_AGENT,
        "calling " + method + "() needs a live agent: a dump holds recorded values only");
  }

  private static boolean isList(ObjectRecord record) {
    String type = record.ref().type();
    return record.supertypes().contains("java.util.List") || type.endsWith("List")
        || type.startsWith("java.util.ImmutableCollections$List") || type.equals("java.util.Arrays$ArrayList");
  }

  private static boolean sameKey(Value a, Value b) {
    if (a instanceof Value.Text x && b instanceof Value.Text y) {
      return !x.isCut() && x.text().equals(y.text());
    }
    if (a instanceof Value.Primitive x && b instanceof Value.Primitive y) {
      if (x.boxed() instanceof Number n && y.boxed() instanceof Number m
          && !(x.boxed() instanceof Double || x.boxed() instanceof Float)
          && !(y.boxed() instanceof Double || y.boxed() instanceof Float)) {
        return n.longValue() == m.longValue();
      }
      return x.boxed().equals(y.boxed());
    }
    if (a instanceof Value.ObjectRef x && b instanceof Value.ObjectRef y) {
      return x.id().equals(y.id());
    }
    return a.equals(b);
  }

  private StepResult notRecorded(Value.ObjectRef ref) {
    String reason = absentReasons.getOrDefault(ref.id(), "depth");
    return failed(Failure.NOT_RECORDED, "not in dump (" + reason + " limit)");
  }

  private static Value value(Operand operand, List<StepResult> earlier) {
    if (operand instanceof Operand.Constant c) {
      return c.value();
    }
    return ((StepResult.Done) earlier.get(((Operand.Result) operand).step())).value();
  }

  private static String simple(ObjectRecord record) {
    String type = record.ref().type();
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static StepResult done(Value value) {
    return new StepResult.Done(value);
  }

  private static StepResult failed(Failure failure, String message) {
    return new StepResult.Failed(failure, message);
  }
}
