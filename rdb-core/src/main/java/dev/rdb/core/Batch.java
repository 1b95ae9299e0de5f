package dev.rdb.core;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pipelining: operations whose targets and arguments may be the results of earlier operations of
 * the same batch, all sent as one request by {@link #execute()} — one round trip for
 * {@code order.items[0].price}:
 *
 * <pre>{@code
 * Batch b = connection.batch();
 * Batch.Step<Object> items = b.get(b.get(root, "order"), "items");
 * Batch.Step<Object> price = b.get(b.index(items, 0), "price");
 * b.execute();
 * Object value = price.value();
 * }</pre>
 *
 * <p>Targets are {@link RemoteRef}s (or {@link RemoteThrowable}s, or proxies from
 * {@link RemoteRef#as}) of this connection, or steps of this batch. Arguments may also be copied
 * values and local objects, which are passed by reference. Steps run in order on the peer; a step
 * that fails fails only the later steps that use its result. A batch is used by one thread and
 * executed once.
 */
public final class Batch {
  /** Default number of elements a {@code describe} shows per array, collection or map. */
  public static final int DEFAULT_DESCRIBE_ELEMENTS = 32;
  /** Default bound on a description's summary. */
  public static final int DEFAULT_SUMMARY_CHARS = 200;

  private final Connection connection;
  private final List<Object[]> ops = new ArrayList<>();
  private final List<Step<?>> steps = new ArrayList<>();
  private boolean executed;

  Batch(Connection connection) {
    this.connection = connection;
  }

  /** Reads field {@code field} of {@code target} (private fields too). */
  public Step<Object> get(Object target, String field) {
    return add("get", target(target), name(field));
  }

  /** Reads static field {@code field} of the class {@code classTarget} refers to. */
  public Step<Object> getStatic(Object classTarget, String field) {
    return add("getStatic", target(classTarget), name(field));
  }

  /** Writes {@code value} into field {@code field} of {@code target}. */
  public Step<Void> set(Object target, String field, Object value) {
    return add("set", target(target), name(field), new Operand(value));
  }

  /** Writes a static field of the class {@code classTarget} refers to. */
  public Step<Void> setStatic(Object classTarget, String field, Object value) {
    return add("setStatic", target(classTarget), name(field), new Operand(value));
  }

  /** Calls {@code method} on {@code target}, choosing the overload as javac would. */
  public Step<Object> call(Object target, String method, Object... args) {
    return add("call", target(target), name(method), operands(args), null);
  }

  /** Calls static {@code method} of the class {@code classTarget} refers to. */
  public Step<Object> callStatic(Object classTarget, String method, Object... args) {
    return add("callStatic", target(classTarget), name(method), operands(args), null);
  }

  /** Calls the overload with exactly these parameter types (binary names), as proxies do. */
  Step<Object> callExact(Object target, String method, List<String> parameterTypes,
      Object... args) {
    return add("call", target(target), name(method), operands(args),
        new ArrayList<Object>(parameterTypes));
  }

  /** Element {@code index} of an array, List or String, or the value for key {@code index} of a Map. */
  public Step<Object> index(Object target, Object index) {
    return add("index", target(target), new Operand(index));
  }

  /** Length of an array or CharSequence, size of a Collection or Map. */
  public Step<Integer> length(Object target) {
    return add("length", target(target));
  }

  /**
   * Elements {@code [from, to)} of an array, Iterable or Map (entries, as {@link MapEntry}); an
   * Iterator yields its next elements. The reply may hold fewer than asked (at most
   * 65,536, or about 2 MB), never none unless the sequence ended.
   */
  public Step<List<Object>> slice(Object target, int from, int to) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad slice [" + from + ", " + to + ")");
    }
    return add("slice", target(target), (long) from, (long) to);
  }

  /** {@code String.valueOf(target)} on the remote side, cut to {@code maxChars}. */
  public Step<String> toStringBounded(Object target, int maxChars) {
    return add("toString", target(target), (long) checkedCount(maxChars, "maxChars"));
  }

  /** {@code target.equals(other)} on the remote side. */
  public Step<Boolean> remoteEquals(Object target, Object other) {
    return add("equals", target(target), new Operand(other));
  }

  /** {@code target.hashCode()} on the remote side. */
  public Step<Integer> remoteHashCode(Object target) {
    return add("hashCode", target(target));
  }

  /** {@code System.identityHashCode(target)} on the remote side. */
  public Step<Integer> identityHash(Object target) {
    return add("identityHash", target(target));
  }

  /** Whether {@code a} and {@code b} are the same remote object ({@code ==}). */
  public Step<Boolean> same(Object a, Object b) {
    return add("same", new Operand(a), new Operand(b));
  }

  /** Describes many targets, nested values to {@code depth} levels, with default limits. */
  public Step<List<Description>> describe(List<?> targets, int depth) {
    return describe(targets, depth, DEFAULT_DESCRIBE_ELEMENTS, DEFAULT_SUMMARY_CHARS);
  }

  /**
   * Describes many targets: for each, type, identity hash, summary (at most {@code maxChars}),
   * length, the first {@code maxElements} elements and the fields; nested values to {@code depth}
   * levels (at most 8).
   */
  public Step<List<Description>> describe(List<?> targets, int depth, int maxElements,
      int maxChars) {
    List<Object> described = new ArrayList<>(targets.size());
    for (Object t : targets) {
      described.add(target(t));
    }
    return add("describe", described, (long) checkedCount(depth, "depth"),
        (long) checkedCount(maxElements, "maxElements"), (long) checkedCount(maxChars, "maxChars"));
  }

  Step<Shape> shape(long typeId) {
    return add("shape", typeId);
  }

  /** Number of steps so far. */
  public int size() {
    return steps.size();
  }

  /** Sends every step as one request and waits for the reply, within the call timeout. */
  public void execute() {
    execute(connection.callTimeout());
  }

  /** As {@link #execute()}, with its own timeout. */
  public void execute(Duration timeout) {
    if (executed) {
      throw new IllegalStateException("batch already executed");
    }
    executed = true;
    if (ops.isEmpty()) {
      return;
    }
    List<Object> wire = new ArrayList<>(ops.size());
    try {
      for (Object[] op : ops) {
        wire.add(encode(op));
      }
    } catch (OperationFailure f) {
      throw new InvalidOperationException("cannot send " + what() + ": " + f.getMessage());
    }
    List<Object> outcomes = connection.request(wire, what(), timeout);
    if (outcomes.size() != steps.size()) {
      throw new ProtocolException("reply has " + outcomes.size() + " results for "
          + steps.size() + " steps");
    }
    for (int i = 0; i < outcomes.size(); i++) {
      steps.get(i).complete(outcomes.get(i));
    }
  }

  private String what() {
    Object[] first = ops.get(0);
    return ops.size() == 1 ? "'" + first[0] + "'" : "batch of " + ops.size() + " operations";
  }

  private List<Object> encode(Object[] op) {
    List<Object> out = new ArrayList<>(op.length);
    for (Object part : op) {
      out.add(encodePart(part));
    }
    return out;
  }

  private Object encodePart(Object part) {
    if (part instanceof Operand) {
      Object v = ((Operand) part).value;
      if (v instanceof Step) {
        return ValueCodec.listOf(ValueCodec.PIPELINED, (long) ((Step<?>) v).index);
      }
      return connection.codec().encode(v);
    }
    if (part instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object p : (List<?>) part) {
        out.add(encodePart(p));
      }
      return out;
    }
    return part;
  }

  @SuppressWarnings("unchecked")
  private <T> Step<T> add(Object... op) {
    if (executed) {
      throw new IllegalStateException("batch already executed");
    }
    ops.add(op);
    Step<T> step = new Step<>(this, steps.size());
    steps.add(step);
    return step;
  }

  private Operand target(Object target) {
    if (target instanceof Step) {
      Step<?> step = (Step<?>) target;
      if (step.batch != this) {
        throw new IllegalArgumentException("step " + step.index + " belongs to another batch");
      }
      return new Operand(step);
    }
    RemoteRef ref = target instanceof RemoteRef ? (RemoteRef) target
        : target instanceof RemoteThrowable ? ((RemoteThrowable) target).ref()
        : target != null && Proxy.isProxyClass(target.getClass())
            && Proxy.getInvocationHandler(target) instanceof RemoteProxy
            ? ((RemoteProxy) Proxy.getInvocationHandler(target)).ref() : null;
    if (ref == null || ref.connection() != connection) {
      throw new IllegalArgumentException("target must be a RemoteRef of this connection or a "
          + "step of this batch, got " + (target == null ? "null" : target.getClass().getName()));
    }
    return new Operand(ref);
  }

  private static List<Object> operands(Object[] args) {
    List<Object> out = new ArrayList<>();
    for (Object a : args == null ? new Object[] {null} : args) {
      out.add(new Operand(a));
    }
    return out;
  }

  private static String name(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    return name;
  }

  private static int checkedCount(int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " < 0: " + n);
    }
    return n;
  }

  /** A target or argument, encoded when the batch executes (so nothing is exported before). */
  private static final class Operand {
    final Object value;

    Operand(Object value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  /**
   * One operation's result, readable after {@link Batch#execute()}.
   *
   * @param <T> the result's type
   */
  public static final class Step<T> {
    private final Batch batch;
    private final int index;
    private Object outcome;
    private boolean done;

    Step(Batch batch, int index) {
      this.batch = batch;
      this.index = index;
    }

    void complete(Object outcome) {
      this.outcome = outcome;
      this.done = true;
    }

    /** Position in the batch, from 0. */
    public int index() {
      return index;
    }

    /** Whether the step ran and failed. */
    public boolean failed() {
      return done && outcome instanceof StepFailure;
    }

    /** The result; throws the step's failure as an {@link RdbException}. */
    @SuppressWarnings("unchecked")
    public T value() {
      if (!done) {
        throw new IllegalStateException("step " + index + " has no result: the batch "
            + (batch.executed ? "failed as a whole" : "was not executed"));
      }
      if (outcome instanceof StepFailure) {
        throw ((StepFailure) outcome).toException();
      }
      return (T) outcome;
    }

    @Override
    public String toString() {
      return "Step[" + index + ", " + Arrays.toString(batch.ops.get(index)) + "]";
    }
  }
}
