package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.Operand;
import dev.rdb.cli.debuggee.Plan;
import dev.rdb.cli.debuggee.PlanResult;
import dev.rdb.cli.debuggee.ShapeCache;
import dev.rdb.cli.debuggee.Step;
import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.TypeShape;
import dev.rdb.cli.debuggee.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an expression in rounds. Each round walks the tree, puts every member access whose
 * inputs are known or pipelined into one {@link Plan}, runs it in one exchange, and computes the
 * local operators it can. A chain like {@code order.items[0].price.scale()} is one round; only a
 * member access whose input is a locally computed value ({@code list[i + j.k]}) needs another.
 *
 * <p>{@code &&} and {@code ||} short-circuit as in Java: while the left side is unknown, the pure
 * member accesses of the right side are fetched speculatively in the same round (their failures
 * are kept and surface only if the right side is needed); method calls wait until the left side
 * says they must run, so no call runs that Java would not have run.
 *
 * <p>Names resolve to locals, then fields of {@code this}, then static fields: {@code Type.NAME},
 * {@code com.acme.Type.NAME}, or a bare name as a static field of the frame's class.
 */
public final class Evaluator {
  private static final int MAX_ROUNDS = 64;

  private final String source;
  private final Scope scope;
  private final ObjectPort port;
  private final ShapeCache shapes;
  private final Map<Expr, Value> known = new IdentityHashMap<>();
  private final Map<Expr, EvalException> failed = new IdentityHashMap<>();
  private final Map<Expr, Boolean> bareStatic = new IdentityHashMap<>();

  private Evaluator(String source, Scope scope, ObjectPort port, ShapeCache shapes) {
    this.source = source;
    this.scope = scope;
    this.port = port;
    this.shapes = shapes;
  }

  /**
   * Evaluates {@code expr} (parsed from {@code source}); a reference result comes back described
   * down to {@code describeDepth} when it was fetched in the last round.
   */
  public static Evaluation evaluate(
      String source, Expr expr, Scope scope, ObjectPort port, ShapeCache shapes, int describeDepth) {
    return new Evaluator(source, scope, port, shapes).run(expr, describeDepth);
  }

  /** Parses and evaluates. */
  public static Evaluation evaluate(
      String source, Scope scope, ObjectPort port, ShapeCache shapes, int describeDepth) {
    return evaluate(source, Parser.parse(source), scope, port, shapes, describeDepth);
  }

  private Evaluation run(Expr root, int describeDepth) {
    ObjectGraph graph = ObjectGraph.empty();
    for (int roundTrips = 0; roundTrips <= MAX_ROUNDS; roundTrips++) {
      Round round = new Round();
      Outcome outcome = visit(root, round, false);
      if (outcome instanceof Known k) {
        return new Evaluation(k.value(), graph, roundTrips);
      }
      if (outcome instanceof Failed f) {
        throw f.error();
      }
      if (round.steps.isEmpty()) {
        throw new EvalException("cannot evaluate " + text(root) + ": no progress possible", null);
      }
      Integer rootStep = round.scheduled.get(root);
      Plan plan = new Plan(round.steps, rootStep == null ? List.of() : List.of(rootStep), describeDepth);
      PlanResult result = port.execute(plan);
      if (result.results().size() != round.steps.size()) {
        throw new IllegalStateException(
            "target answered " + result.results().size() + " results to " + round.steps.size() + " steps");
      }
      graph = graph.plus(result.graph());
      for (Map.Entry<Expr, Integer> scheduled : round.scheduled.entrySet()) {
        Expr expr = scheduled.getKey();
        StepResult stepResult = result.results().get(scheduled.getValue());
        if (stepResult instanceof StepResult.Done done) {
          known.put(expr, done.value());
        } else {
          failed.put(expr, failure(expr, (StepResult.Failed) stepResult));
        }
      }
    }
    throw new EvalException("expression needs more than " + MAX_ROUNDS + " round trips", null);
  }

  private EvalException failure(Expr expr, StepResult.Failed failed) {
    if (bareStatic.containsKey(expr) && failed.failure() == StepResult.Failure.NO_SUCH_MEMBER) {
      return unknownName((Expr.Name) expr);
    }
    return new EvalException(text(expr) + ": " + failed.message(), failed.failure());
  }

  private Outcome visit(Expr expr, Round round, boolean speculative) {
    Value value = known.get(expr);
    if (value != null) {
      return new Known(value);
    }
    EvalException error = failed.get(expr);
    if (error != null) {
      return new Failed(error);
    }
    Integer step = round.scheduled.get(expr);
    if (step != null) {
      return new Pending(step);
    }
    try {
      Outcome outcome = compute(expr, round, speculative);
      if (outcome instanceof Known k) {
        known.put(expr, k.value());
      } else if (outcome instanceof Failed f) {
        failed.put(expr, f.error());
      }
      return outcome;
    } catch (EvalException e) {
      EvalException named = e.getMessage().startsWith(text(expr))
          ? e : new EvalException(text(expr) + ": " + e.getMessage(), e.failure());
      failed.put(expr, named);
      return new Failed(named);
    }
  }

  private Outcome compute(Expr expr, Round round, boolean speculative) {
    if (expr instanceof Expr.Literal literal) {
      return new Known(literal.value());
    }
    if (expr instanceof Expr.ListLiteral list) {
      return list(list, round, speculative);
    }
    if (expr instanceof Expr.Name name) {
      return name(name, round);
    }
    if (expr instanceof Expr.Member member) {
      return member(member, round, speculative);
    }
    if (expr instanceof Expr.Index index) {
      return index(index, round, speculative);
    }
    if (expr instanceof Expr.Call call) {
      return call(call, round, speculative);
    }
    if (expr instanceof Expr.Unary unary) {
      Outcome operand = visit(unary.operand(), round, speculative);
      if (!(operand instanceof Known k)) {
        return waiting(operand);
      }
      return new Known(unary.op() == TokenKind.NOT ? Operators.not(k.value()) : Operators.negate(k.value()));
    }
    if (expr instanceof Expr.Binary binary) {
      return binary(binary, round, speculative);
    }
    Expr.InstanceOf test = (Expr.InstanceOf) expr;
    Outcome operand = visit(test.operand(), round, speculative);
    if (!(operand instanceof Known k)) {
      return waiting(operand);
    }
    return new Known(Value.of(instanceOf(k.value(), test.type())));
  }

  private Outcome list(Expr.ListLiteral list, Round round, boolean speculative) {
    List<Value> values = new ArrayList<>();
    Outcome blocking = null;
    for (Expr element : list.elements()) {
      Outcome outcome = visit(element, round, speculative);
      if (outcome instanceof Failed) {
        return outcome;
      }
      if (outcome instanceof Known k) {
        values.add(usable(element, k.value()));
      } else {
        blocking = outcome;
      }
    }
    return blocking == null ? new Known(new Value.ListValue(values)) : waiting(blocking);
  }

  private Outcome name(Expr.Name name, Round round) {
    Optional<Value> local = scope.local(name.name());
    if (local.isPresent()) {
      return new Known(local.get());
    }
    Optional<Value> self = scope.thisValue();
    if (self.isPresent() && self.get() instanceof Value.ObjectRef ref && hasField(ref, name.name())) {
      return schedule(name, new Step.GetField(Operand.constant(ref), name.name()), round);
    }
    Optional<String> frameClass = scope.frameClass();
    if (frameClass.isPresent()) {
      bareStatic.put(name, Boolean.TRUE);
      return schedule(name, new Step.StaticField(List.of(frameClass.get(), name.name())), round);
    }
    throw unknownName(name);
  }

  private EvalException unknownName(Expr.Name name) {
    String where = scope.thisValue().isPresent() ? "a local, a field of this," : "a local";
    return new EvalException(
        "unknown name '" + name.name() + "': not " + where + " or a static field", StepResult.Failure.NO_SUCH_MEMBER);
  }

  private boolean hasField(Value.ObjectRef self, String field) {
    Optional<TypeShape> shape = shapes.shape(self.type());
    // An unknown shape lets the target decide; a known one spares a failing round trip.
    return shape.isEmpty() || shape.get().field(field).isPresent();
  }

  /** Whether a dotted chain starts with a name that is neither a local nor a field of this. */
  private List<String> staticPath(Expr expr) {
    List<String> path = new ArrayList<>();
    Expr at = expr;
    while (at instanceof Expr.Member member) {
      path.add(0, member.name());
      at = member.target();
    }
    if (!(at instanceof Expr.Name head) || path.isEmpty() || known.containsKey(at)) {
      return List.of();
    }
    if (scope.local(head.name()).isPresent()) {
      return List.of();
    }
    Optional<Value> self = scope.thisValue();
    if (self.isPresent() && self.get() instanceof Value.ObjectRef ref && hasField(ref, head.name())) {
      return List.of();
    }
    path.add(0, head.name());
    return path;
  }

  private boolean unresolvedName(Expr expr) {
    if (!(expr instanceof Expr.Name name) || scope.local(name.name()).isPresent()) {
      return false;
    }
    Optional<Value> self = scope.thisValue();
    return !(self.isPresent() && self.get() instanceof Value.ObjectRef ref && hasField(ref, name.name()));
  }

  private Outcome member(Expr.Member member, Round round, boolean speculative) {
    List<String> path = staticPath(member);
    if (!path.isEmpty()) {
      return schedule(member, new Step.StaticField(path), round);
    }
    Outcome target = visit(member.target(), round, speculative);
    if (!(target instanceof Known) && !(target instanceof Pending p && p.step() >= 0)) {
      return waiting(target);
    }
    Operand operand = operand(member.target(), target);
    if (operand instanceof Operand.Constant c && c.value() instanceof Value.ListValue list
        && member.name().equals("length")) {
      return new Known(Value.of(list.elements().size()));
    }
    return schedule(member, new Step.GetField(memberTarget(member.target(), operand, member.name()),
        member.name()), round);
  }

  private Outcome index(Expr.Index index, Round round, boolean speculative) {
    Outcome target = visit(index.target(), round, speculative);
    Outcome key = visit(index.index(), round, speculative);
    if (target instanceof Failed) {
      return target;
    }
    if (key instanceof Failed) {
      return key;
    }
    if (!ready(target) || !ready(key)) {
      return waiting(ready(target) ? key : target);
    }
    Operand targetOperand = operand(index.target(), target);
    Operand keyOperand = operand(index.index(), key);
    if (targetOperand instanceof Operand.Constant c && c.value() instanceof Value.ListValue list
        && keyOperand instanceof Operand.Constant k) {
      return new Known(localIndex(list, k.value()));
    }
    return schedule(index, new Step.Index(memberTarget(index.target(), targetOperand, "[]"), keyOperand), round);
  }

  private Value localIndex(Value.ListValue list, Value key) {
    if (key instanceof Value.Primitive p && (p.boxed() instanceof Integer || p.boxed() instanceof Long)) {
      long i = ((Number) p.boxed()).longValue();
      if (i >= 0 && i < list.elements().size()) {
        return list.elements().get((int) i);
      }
      throw new EvalException("index " + i + " out of bounds for length " + list.elements().size(), null);
    }
    throw new EvalException("a list index must be an int, got " + Operators.describe(key), null);
  }

  private Outcome call(Expr.Call call, Round round, boolean speculative) {
    Outcome target;
    if (call.target() == null) {
      Optional<Value> self = scope.thisValue();
      if (self.isEmpty()) {
        throw new EvalException("no 'this' in a static frame: call methods on an object", null);
      }
      target = new Known(self.get());
    } else {
      if (!staticPath(call.target()).isEmpty() || unresolvedName(call.target())) {
        throw new EvalException("static method calls are not supported; call methods on an object", null);
      }
      target = visit(call.target(), round, speculative);
    }
    List<Outcome> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(visit(arg, round, speculative));
    }
    if (target instanceof Failed) {
      return target;
    }
    for (Outcome arg : args) {
      if (arg instanceof Failed) {
        return arg;
      }
    }
    if (!ready(target)) {
      return waiting(target);
    }
    for (Outcome arg : args) {
      if (!ready(arg)) {
        return waiting(arg);
      }
    }
    Operand targetOperand = call.target() == null ? Operand.constant(((Known) target).value())
        : operand(call.target(), target);
    if (targetOperand instanceof Operand.Constant c) {
      Optional<Value> local = localCall(c.value(), call);
      if (local.isPresent()) {
        return new Known(local.get());
      }
    }
    if (speculative) {
      // A call runs only once Java would have run it: after the left side of && / || is known.
      return new Pending(-1);
    }
    List<Operand> argOperands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      argOperands.add(operand(call.args().get(i), args.get(i)));
    }
    Operand checkedTarget = call.target() == null ? targetOperand
        : memberTarget(call.target(), targetOperand, call.name() + "()");
    return schedule(call, new Step.Call(checkedTarget, call.name(), argOperands), round);
  }

  /** Calls answered by the debugger itself, on values it holds as copies. */
  private Optional<Value> localCall(Value target, Expr.Call call) {
    boolean noArgs = call.args().isEmpty();
    if (target instanceof Value.Text t && noArgs && call.name().equals("length")) {
      return Optional.of(Value.of(t.length()));
    }
    if (target instanceof Value.Text t && noArgs && call.name().equals("isEmpty")) {
      return Optional.of(Value.of(t.length() == 0));
    }
    if (target instanceof Value.EnumConstant e && noArgs && call.name().equals("name")) {
      return Optional.of(Value.of(e.name()));
    }
    if (target instanceof Value.ListValue l && noArgs && call.name().equals("size")) {
      return Optional.of(Value.of(l.elements().size()));
    }
    return Optional.empty();
  }

  private Outcome binary(Expr.Binary binary, Round round, boolean speculative) {
    TokenKind op = binary.op();
    if (op == TokenKind.AND || op == TokenKind.OR) {
      Outcome left = visit(binary.left(), round, speculative);
      if (left instanceof Failed) {
        return left;
      }
      if (left instanceof Known k) {
        boolean l = Operators.bool(k.value(), Operators.symbol(op));
        if (op == TokenKind.AND ? !l : l) {
          return new Known(Value.of(l));
        }
        Outcome right = visit(binary.right(), round, speculative);
        if (right instanceof Known r) {
          return new Known(Value.of(Operators.bool(r.value(), Operators.symbol(op))));
        }
        return waiting(right);
      }
      visit(binary.right(), round, true);
      return waiting(left);
    }
    Outcome left = visit(binary.left(), round, speculative);
    Outcome right = visit(binary.right(), round, speculative);
    if (left instanceof Failed) {
      return left;
    }
    if (right instanceof Failed) {
      return right;
    }
    if (!(left instanceof Known l)) {
      return waiting(left);
    }
    if (!(right instanceof Known r)) {
      return waiting(right);
    }
    Value a = usable(binary.left(), l.value());
    Value b = usable(binary.right(), r.value());
    return new Known(switch (op) {
      case EQ -> Value.of(Operators.equal(a, b));
      case NE -> Value.of(!Operators.equal(a, b));
      case LT, LE, GT, GE -> Operators.compare(op, a, b);
      default -> Operators.arithmetic(op, a, b);
    });
  }

  private boolean instanceOf(Value value, String type) {
    if (value instanceof Value.Null) {
      return false;
    }
    String runtime;
    if (value instanceof Value.Primitive p) {
      runtime = p.boxed().getClass().getName();
    } else if (value instanceof Value.Text) {
      runtime = "java.lang.String";
    } else if (value instanceof Value.ListValue) {
      runtime = "java.util.List";
    } else {
      runtime = usable(null, value).typeName();
    }
    if (type.equals("Object") || type.equals("java.lang.Object") || matches(runtime, type)) {
      return true;
    }
    if (value instanceof Value.ObjectRef || value instanceof Value.EnumConstant) {
      Optional<TypeShape> shape = shapes.shape(runtime);
      if (shape.isEmpty()) {
        throw new EvalException("cannot tell: the type " + runtime + " is unknown to the target", null);
      }
      return shape.get().supertypes().stream().anyMatch(s -> matches(s, type));
    }
    return switch (runtime) {
      case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
          "java.lang.Float", "java.lang.Double" -> matches("java.lang.Number", type)
          || matches("java.lang.Comparable", type) || matches("java.io.Serializable", type);
      case "java.lang.String" -> matches("java.lang.CharSequence", type)
          || matches("java.lang.Comparable", type) || matches("java.io.Serializable", type);
      case "java.util.List" -> matches("java.util.Collection", type) || matches("java.lang.Iterable", type);
      default -> matches("java.lang.Comparable", type) || matches("java.io.Serializable", type);
    };
  }

  /** A written type matches a binary name by full name, or by simple name when written unqualified. */
  private static boolean matches(String binaryName, String written) {
    String canonical = binaryName.replace('$', '.');
    if (canonical.equals(written) || binaryName.equals(written)) {
      return true;
    }
    if (written.indexOf('.') >= 0) {
      return false;
    }
    int dot = canonical.lastIndexOf('.');
    return canonical.substring(dot + 1).equals(written);
  }

  private Outcome schedule(Expr expr, Step step, Round round) {
    int index = round.steps.size();
    round.steps.add(step);
    round.scheduled.put(expr, index);
    return new Pending(index);
  }

  private static boolean ready(Outcome outcome) {
    return outcome instanceof Known || outcome instanceof Pending p && p.step() >= 0;
  }

  private static Outcome waiting(Outcome outcome) {
    return outcome instanceof Failed ? outcome : new Pending(-1);
  }

  private Operand operand(Expr expr, Outcome outcome) {
    if (outcome instanceof Pending p) {
      return Operand.result(p.step());
    }
    return Operand.constant(usable(expr, ((Known) outcome).value()));
  }

  /** Rejects values that cannot take part in anything (redacted ones). */
  private Value usable(Expr expr, Value value) {
    String what = expr == null ? "value" : text(expr);
    if (value instanceof Value.Redacted) {
      throw new EvalException(what + " is redacted", null);
    }
    return value;
  }

  /** Checks a known member target locally: null and copied values have no members to fetch. */
  private Operand memberTarget(Expr expr, Operand operand, String member) {
    if (operand instanceof Operand.Constant c) {
      Value value = c.value();
      if (value instanceof Value.Null) {
        throw new EvalException(text(expr) + " is null", StepResult.Failure.BAD_OPERAND);
      }
      if (!(value instanceof Value.ObjectRef)) {
        throw new EvalException(text(expr) + " is " + Operators.describe(value)
            + ", a copied value: it has no member " + member, StepResult.Failure.BAD_OPERAND);
      }
    }
    return operand;
  }

  private String text(Expr expr) {
    return source.substring(Math.min(expr.start(), source.length()), Math.min(expr.end(), source.length())).strip();
  }

  /** Steps and which expression each one computes, for one exchange. */
  private static final class Round {
    final List<Step> steps = new ArrayList<>();
    final Map<Expr, Integer> scheduled = new IdentityHashMap<>();
  }

  private sealed interface Outcome permits Known, Pending, Failed {}

  private record Known(Value value) implements Outcome {}

  /** Waiting on step {@code step} of this round, or on something not yet schedulable (-1). */
  private record Pending(int step) implements Outcome {}

  private record Failed(EvalException error) implements Outcome {}
}
