package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.Operand;
import dev.rdb.cli.debuggee.Plan;
import dev.rdb.cli.debuggee.PlanResult;
import dev.rdb.cli.debuggee.Step;
import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TypeShape;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.core.Batch;
import dev.rdb.core.Connection;
import dev.rdb.core.RdbException;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.Shape;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Member access on a live target: one rdb-core {@link Batch} per {@link Plan}, every step pipelined
 * on the earlier ones, the describe of the result riding in the same batch.
 *
 * <p>Static fields ({@link Step.StaticField}) need the class first: the agent's root answers
 * {@code loadedClass(name)}. Classes found are remembered for the session, so {@code Type.NAME}
 * costs one extra exchange the first time a plan names that class, and none afterwards.
 */
final class LiveObjects implements ObjectPort {
  /** Elements described per array, collection or map: as many as a dump records by default. */
  static final int DESCRIBE_ELEMENTS = 100;
  /** Characters of a summary ({@code toString} of JDK value types). */
  static final int SUMMARY_CHARS = 400;
  /** rdb-core's limit on nested describe levels. */
  static final int MAX_DESCRIBE_DEPTH = 8;

  private final Connection connection;
  private final RemoteRef root;
  private final ValueTranslator values;
  private final Exchange exchange;
  private final Supplier<Collection<String>> frameClasses;
  private final Map<String, RemoteRef> classes = new ConcurrentHashMap<>();
  /** Names asked for and not loaded; forgotten when a path resolves to nothing, so a later load is seen. */
  private final Set<String> notLoaded = ConcurrentHashMap.newKeySet();

  /**
   * @param frameClasses the classes of the post-mortems' frames fetched so far: a simple name in
   *     {@code Order.LIMIT} means one of them
   */
  LiveObjects(Connection connection, RemoteRef root, ValueTranslator values, Exchange exchange,
      Supplier<Collection<String>> frameClasses) {
    this.connection = connection;
    this.root = root;
    this.values = values;
    this.exchange = exchange;
    this.frameClasses = frameClasses;
  }

  @Override
  public PlanResult execute(Plan plan) {
    findClasses(plan.steps());
    Batch batch = connection.batch();
    List<Slot> slots = new ArrayList<>();
    for (Step step : plan.steps()) {
      slots.add(add(batch, step, slots));
    }
    List<Object> described = new ArrayList<>();
    for (int index : plan.describe()) {
      if (slots.get(index) instanceof Sent sent) {
        described.add(sent.main());
      }
    }
    Batch.Step<List<dev.rdb.core.Description>> describe = described.isEmpty() ? null
        : batch.describe(described, Math.min(plan.describeDepth(), MAX_DESCRIBE_DEPTH), DESCRIBE_ELEMENTS,
            SUMMARY_CHARS);
    exchange.run(batch);
    List<StepResult> results = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      results.add(result(plan.steps().get(i), slots.get(i), results));
    }
    ObjectGraph graph = ObjectGraph.empty();
    if (describe != null && !describe.failed()) {
      graph = values.graph(describe.value());
    }
    return new PlanResult(results, graph);
  }

  @Override
  public ObjectGraph describe(List<Value.ObjectRef> refs, int depth) {
    List<Object> targets = new ArrayList<>();
    for (Value.ObjectRef ref : refs) {
      values.remote(ref.id()).ifPresent(targets::add);
    }
    if (targets.isEmpty()) {
      return ObjectGraph.empty();
    }
    Batch batch = connection.batch();
    Batch.Step<List<dev.rdb.core.Description>> step =
        batch.describe(targets, Math.min(depth, MAX_DESCRIBE_DEPTH), DESCRIBE_ELEMENTS, SUMMARY_CHARS);
    exchange.run(batch);
    return values.graph(exchange.value(step));
  }

  @Override
  public Optional<TypeShape> shape(String typeName) {
    Optional<RemoteRef> exemplar = values.exemplar(typeName);
    if (exemplar.isEmpty()) {
      return Optional.empty();
    }
    Shape shape;
    try {
      shape = exemplar.get().shape();
    } catch (RdbException e) {
      throw exchange.whole(e);
    }
    List<TypeShape.FieldShape> fields = new ArrayList<>();
    for (Shape.FieldInfo f : shape.fields()) {
      fields.add(new TypeShape.FieldShape(f.name(), f.type(), Modifier.isStatic(f.modifiers())));
    }
    Set<String> methods = new LinkedHashSet<>();
    shape.methods().forEach(m -> methods.add(m.name()));
    return Optional.of(new TypeShape(typeName, shape.supertypes(), fields, List.copyOf(methods)));
  }

  // ---------------------------------------------------------------- plan steps → batch steps

  /** What one plan step became: a failure known before sending, or batch steps. */
  private sealed interface Slot permits Refused, Sent {}

  /** The step fails without asking the target. */
  private record Refused(StepResult.Failed failure) implements Slot {}

  /**
   * The step's batch step; {@code arrayLength} is the {@code length} asked beside a field read of
   * {@code length} whose target's kind is not known before the reply.
   */
  private record Sent(Batch.Step<?> main, Batch.Step<?> arrayLength) implements Slot {}

  private Slot add(Batch batch, Step step, List<Slot> earlier) {
    List<Object> operands = new ArrayList<>();
    for (Operand operand : Plan.operands(step)) {
      Object resolved;
      if (operand instanceof Operand.Result r) {
        Slot input = earlier.get(r.step());
        if (input instanceof Refused refused) {
          return new Refused(new StepResult.Failed(StepResult.Failure.INPUT_FAILED, refused.failure().message()));
        }
        resolved = ((Sent) input).main();
      } else {
        try {
          resolved = values.argument(((Operand.Constant) operand).value());
        } catch (IllegalArgumentException e) {
          return new Refused(new StepResult.Failed(StepResult.Failure.BAD_OPERAND, e.getMessage()));
        }
      }
      operands.add(resolved);
    }
    if (step instanceof Step.StaticField s) {
      return staticField(batch, s);
    }
    Object target = operands.get(0);
    Optional<String> bad = badTarget(step, target);
    if (bad.isPresent()) {
      return new Refused(new StepResult.Failed(StepResult.Failure.BAD_OPERAND, bad.get()));
    }
    if (step instanceof Step.GetField get) {
      boolean knownArray = target instanceof RemoteRef r && r.typeName().startsWith("[");
      if (get.name().equals("length") && knownArray) {
        return new Sent(batch.length(target), null);
      }
      boolean maybeArray = get.name().equals("length") && target instanceof Batch.Step<?>;
      return new Sent(batch.get(target, get.name()), maybeArray ? batch.length(target) : null);
    }
    if (step instanceof Step.Index) {
      return new Sent(batch.index(target, operands.get(1)), null);
    }
    if (step instanceof Step.Length) {
      return new Sent(batch.length(target), null);
    }
    Step.Call call = (Step.Call) step;
    return new Sent(batch.call(target, call.method(), operands.subList(1, operands.size()).toArray()), null);
  }

  /** Why a copied value cannot be a step's target (only objects of the target have members). */
  private static Optional<String> badTarget(Step step, Object target) {
    if (target instanceof RemoteRef || target instanceof Batch.Step<?>) {
      return Optional.empty();
    }
    String member = step instanceof Step.GetField g ? "field '" + g.name() + "'"
        : step instanceof Step.Call c ? "method " + c.method() + "()" : "an element";
    if (target == null) {
      return Optional.of("cannot read " + member + " of null");
    }
    return Optional.of("a copied " + ValueTranslator.javaName(target.getClass().getSimpleName())
        + " value has no " + member + " here: only objects that stay in the target have members");
  }

  private Slot staticField(Batch batch, Step.StaticField step) {
    List<String> path = step.path();
    for (int prefix = path.size() - 1; prefix >= 1; prefix--) {
      for (String name : classNames(path.subList(0, prefix))) {
        RemoteRef type = classes.get(name);
        if (type != null) {
          Batch.Step<Object> value = batch.getStatic(type, path.get(prefix));
          for (String field : path.subList(prefix + 1, path.size())) {
            value = batch.get(value, field);
          }
          return new Sent(value, null);
        }
      }
    }
    return new Refused(new StepResult.Failed(StepResult.Failure.NO_SUCH_MEMBER,
        "no loaded class named " + String.join(".", path.subList(0, path.size() - 1))));
  }

  /** Asks the root for every class a static path may name that is not known yet, in one exchange. */
  private void findClasses(List<Step> steps) {
    Map<String, Batch.Step<Object>> asked = new LinkedHashMap<>();
    Batch batch = connection.batch();
    for (Step step : steps) {
      if (step instanceof Step.StaticField s) {
        probe(s.path(), batch, asked);
      }
    }
    if (asked.isEmpty()) {
      return;
    }
    exchange.run(batch);
    asked.forEach((name, step) -> {
      if (!step.failed() && step.value() instanceof RemoteRef type) {
        classes.put(name, type);
      } else {
        notLoaded.add(name);
      }
    });
  }

  /** Adds a probe for every class {@code path} may name, longest prefix first, until a known one. */
  private void probe(List<String> path, Batch batch, Map<String, Batch.Step<Object>> asked) {
    List<String> candidates = new ArrayList<>();
    for (int prefix = path.size() - 1; prefix >= 1; prefix--) {
      for (String name : classNames(path.subList(0, prefix))) {
        if (classes.containsKey(name)) {
          return;
        }
        candidates.add(name);
      }
    }
    if (notLoaded.containsAll(candidates)) {
      notLoaded.removeAll(candidates);
    }
    for (String name : candidates) {
      if (!notLoaded.contains(name) && !asked.containsKey(name)) {
        asked.put(name, batch.call(root, "loadedClass", name));
      }
    }
  }

  /**
   * The binary names a dotted prefix may stand for, most likely first: itself
   * ({@code com.acme.Order}), nested classes ({@code com.acme.Order$Status}), and for one simple
   * name the frame classes it names and {@code java.lang}.
   */
  private List<String> classNames(List<String> prefix) {
    Set<String> names = new LinkedHashSet<>();
    String dotted = String.join(".", prefix);
    names.add(dotted);
    for (int split = prefix.size() - 1; split >= 1; split--) {
      String outer = prefix.get(split - 1);
      if (!outer.isEmpty() && Character.isUpperCase(outer.charAt(0))) {
        names.add(String.join(".", prefix.subList(0, split)) + "$" + String.join("$", prefix.subList(split, prefix.size())));
      }
    }
    if (prefix.size() == 1 && dotted.indexOf('.') < 0) {
      for (String frameClass : frameClasses.get()) {
        String simple = frameClass.substring(frameClass.lastIndexOf('.') + 1);
        if (simple.equals(dotted) || simple.endsWith("$" + dotted)) {
          names.add(frameClass);
        }
      }
      names.add("java.lang." + dotted);
    }
    return List.copyOf(names);
  }

  // ---------------------------------------------------------------- batch steps → results

  private StepResult result(Step step, Slot slot, List<StepResult> earlier) {
    if (slot instanceof Refused refused) {
      return refused.failure();
    }
    for (Operand operand : Plan.operands(step)) {
      if (operand instanceof Operand.Result r && earlier.get(r.step()) instanceof StepResult.Failed input) {
        return new StepResult.Failed(StepResult.Failure.INPUT_FAILED, input.message());
      }
    }
    Sent sent = (Sent) slot;
    StepResult main = outcome(sent.main());
    if (main instanceof StepResult.Failed && sent.arrayLength() != null && targetIsArray(step, earlier)) {
      return outcome(sent.arrayLength());
    }
    return main;
  }

  private static boolean targetIsArray(Step step, List<StepResult> earlier) {
    Operand target = Plan.operands(step).get(0);
    return target instanceof Operand.Result r && earlier.get(r.step()) instanceof StepResult.Done done
        && done.value() instanceof Value.ObjectRef ref && ref.type().endsWith("[]");
  }

  private StepResult outcome(Batch.Step<?> step) {
    try {
      return new StepResult.Done(values.value(step.value()));
    } catch (RdbException e) {
      return Exchange.step(e);
    } catch (IllegalStateException e) {
      throw new TargetException(exchange.target() + ": " + e.getMessage(), e);
    }
  }
}
