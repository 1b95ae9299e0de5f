package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.core.Batch;
import dev.rdb.core.Connection;
import dev.rdb.core.Description;
import dev.rdb.core.RdbException;
import dev.rdb.core.RemoteRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A {@link Debuggee} over a live agent: the agent's root object (its contract is
 * {@code docs/ARCHITECTURE.md}, "rdb-agent: the debuggee the CLI sees") read through rdb-core.
 * Every method is one rdb-core {@link Batch}: the root's method, the field reads of its views and a
 * {@code describe} of what they reach, pipelined, so {@code exceptions}, {@code pm N},
 * {@code locals} and {@code threads} each cost one round trip whatever the number of frames or
 * locals. (Two rare cases take a second exchange: more than {@value #PROBED_POST_MORTEMS}
 * post-mortems, and a frame with more than {@value #LOCALS_PER_EXCHANGE} locals.)
 *
 * <p>Used by one command thread at a time (the REPL's), plus its completer.
 */
public final class LiveDebuggee implements Debuggee {
  /** Post-mortems whose frame counts are asked for speculatively in the listing's exchange. */
  static final int PROBED_POST_MORTEMS = 128;
  /**
   * Locals described in one exchange (a frame with more takes one more); also the elements shown
   * per collection inside them, since rdb-core's describe has one element limit.
   */
  static final int LOCALS_PER_EXCHANGE = LiveObjects.DESCRIBE_ELEMENTS;
  /** Frames of one post-mortem described in its exchange. */
  static final int MAX_FRAMES = 4096;
  /** Causes followed below a post-mortem's throwable. */
  static final int MAX_CAUSES = 8;
  /** Stack lines kept per exception. */
  static final int MAX_STACK_LINES = 1024;

  private final Connection connection;
  private final String name;
  private final RemoteRef root;
  private final ValueTranslator values = new ValueTranslator();
  private final Exchange exchange;
  private final LiveObjects objects;
  /** The throwable of each post-mortem listed so far, to link a cause to its own post-mortem. */
  private final Map<RemoteRef, Integer> throwables = new HashMap<>();
  private final Set<String> frameClasses = new LinkedHashSet<>();

  private LiveDebuggee(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
    this.exchange = new Exchange(name);
    try {
      this.root = connection.root();
    } catch (RdbException e) {
      throw new TargetException(name + ": the agent exports no debuggee: " + e.getMessage(), e);
    }
    this.objects = new LiveObjects(connection, root, values, exchange, this::frameClasses);
  }

  /** A debuggee over an open connection to an agent; closing it closes the connection. */
  public static LiveDebuggee over(Connection connection, String name) {
    return new LiveDebuggee(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(name, "name"));
  }

  /** The connection, for its counters ({@code stats().roundTrips()}). */
  public Connection connection() {
    return connection;
  }

  /** The agent's policy as announced in HELLO: {@code readonly} or {@code full}. */
  public String policy() {
    return connection.peerPolicy() == null ? "?" : connection.peerPolicy().name();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public List<PostMortemSummary> postMortems() {
    Batch batch = connection.batch();
    Batch.Step<Object> list = batch.call(root, "postMortems");
    Batch.Step<Integer> count = batch.length(list);
    Batch.Step<List<Description>> described = batch.describe(List.of(list), 1, PROBED_POST_MORTEMS, 0);
    List<Batch.Step<Integer>> frameCounts = new ArrayList<>();
    for (int i = 0; i < PROBED_POST_MORTEMS; i++) {
      frameCounts.add(batch.length(batch.get(batch.index(list, i), "frames")));
    }
    exchange.run(batch);
    int total = exchange.value(count);
    List<Description.Element> elements = exchange.value(described).get(0).elements();
    if (total > elements.size()) {
      return allPostMortems(total);
    }
    List<PostMortemSummary> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      out.add(summary(elements.get(i).description(), exchange.value(frameCounts.get(i))));
    }
    return out;
  }

  /** The listing when the agent keeps more than the first exchange probed: one more exchange. */
  private List<PostMortemSummary> allPostMortems(int total) {
    Batch batch = connection.batch();
    Batch.Step<Object> list = batch.call(root, "postMortems");
    Batch.Step<List<Description>> described = batch.describe(List.of(list), 1, total, 0);
    List<Batch.Step<Integer>> frameCounts = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      frameCounts.add(batch.length(batch.get(batch.index(list, i), "frames")));
    }
    exchange.run(batch);
    List<Description.Element> elements = exchange.value(described).get(0).elements();
    List<PostMortemSummary> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      out.add(summary(elements.get(i).description(), frameCounts.get(i).failed() ? 0 : frameCounts.get(i).value()));
    }
    return out;
  }

  private PostMortemSummary summary(Description view, int frameCount) {
    int id = (Integer) field(view, "id");
    Object throwable = field(view, "throwable");
    ValueTranslator.remoteOf(throwable).ifPresent(t -> {
      synchronized (throwables) {
        throwables.put(t, id);
      }
    });
    return new PostMortemSummary(id, (String) field(view, "time"), (String) field(view, "thread"),
        (String) field(view, "name"), (String) field(view, "exceptionType"), (String) field(view, "message"),
        frameCount, "");
  }

  @Override
  public PostMortem postMortem(int id) {
    Batch batch = connection.batch();
    Batch.Step<Object> pm = batch.call(root, "postMortem", id);
    Batch.Step<List<Description>> described = batch.describe(List.of(pm), 2, MAX_FRAMES, 0);
    List<Batch.Step<Object>> chain = new ArrayList<>();
    List<Batch.Step<Object>> messages = new ArrayList<>();
    List<Batch.Step<List<Description>>> stackLines = new ArrayList<>();
    Batch.Step<Object> throwable = batch.get(pm, "throwable");
    for (int i = 0; i < MAX_CAUSES; i++) {
      chain.add(throwable);
      messages.add(batch.call(throwable, "getMessage"));
      // One describe per level: a describe fails whole when one of its targets failed (past the chain's end).
      stackLines.add(batch.describe(List.of(batch.call(throwable, "getStackTrace")), 1, MAX_STACK_LINES,
          LiveObjects.SUMMARY_CHARS));
      throwable = batch.call(throwable, "getCause");
    }
    exchange.run(batch);
    Description view;
    try {
      view = described.value().get(0);
    } catch (RdbException e) {
      throw new TargetException(name + ": no post-mortem #" + id + detail(pm), e);
    }
    List<FrameInfo> frames = new ArrayList<>();
    Description frameList = view.field("frames").map(Description.Field::description).orElse(null);
    if (frameList != null) {
      for (Description.Element element : frameList.elements()) {
        Description f = element.description();
        Object line = field(f, "line");
        String className = (String) field(f, "className");
        frames.add(new FrameInfo(frames.size(), className, (String) field(f, "methodName"),
            (String) field(f, "fileName"), line instanceof Integer n ? n : -1, Boolean.TRUE.equals(field(f, "captured")),
            ""));
        synchronized (frameClasses) {
          frameClasses.add(className);
        }
      }
    }
    ExceptionInfo exception = exception(chain, messages, stackLines, 0, id);
    if (exception == null) {
      exception = new ExceptionInfo(Objects.requireNonNullElse((String) field(view, "exceptionType"), "?"),
          (String) field(view, "message"), List.of(), null, OptionalInt.empty());
    }
    PostMortemSummary summary = summary(view, frames.size());
    return new PostMortem(summary, exception, frames);
  }

  private String detail(Batch.Step<Object> pm) {
    try {
      pm.value();
      return "";
    } catch (RdbException e) {
      String message = e instanceof dev.rdb.core.RemoteException r ? r.remoteMessage() : e.getMessage();
      return message == null ? "" : " (" + message + ")";
    }
  }

  /** The exception at {@code depth} of the chain and its causes, or null past its end. */
  private ExceptionInfo exception(List<Batch.Step<Object>> chain, List<Batch.Step<Object>> messages,
      List<Batch.Step<List<Description>>> stackLines, int depth, int postMortemId) {
    if (depth >= chain.size() || chain.get(depth).failed() || chain.get(depth).value() == null) {
      return null;
    }
    Object throwable = chain.get(depth).value();
    Optional<RemoteRef> ref = ValueTranslator.remoteOf(throwable);
    String type = ref.map(r -> ValueTranslator.javaName(r.typeName())).orElse("?");
    Batch.Step<Object> messageStep = messages.get(depth);
    String message = messageStep.failed() || !(messageStep.value() instanceof String s) ? null : s;
    List<String> stack = new ArrayList<>();
    if (!stackLines.get(depth).failed()) {
      for (Description.Element element : stackLines.get(depth).value().get(0).elements()) {
        if (element.description() != null && element.description().summary() != null) {
          stack.add(element.description().summary());
        }
      }
    }
    OptionalInt linked = OptionalInt.empty();
    if (depth > 0 && ref.isPresent()) {
      synchronized (throwables) {
        Integer other = throwables.get(ref.get());
        if (other != null && other != postMortemId) {
          linked = OptionalInt.of(other);
        }
      }
    }
    return new ExceptionInfo(type, message, stack, exception(chain, messages, stackLines, depth + 1, postMortemId),
        linked);
  }

  @Override
  public FrameLocals locals(int postMortemId, int frameIndex, int depth) {
    int describeDepth = Math.min(depth, LiveObjects.MAX_DESCRIBE_DEPTH - 2) + 2;
    Batch batch = connection.batch();
    Batch.Step<Object> pm = batch.call(root, "postMortem", postMortemId);
    Batch.Step<Object> frames = batch.get(pm, "frames");
    Batch.Step<Integer> frameCount = batch.length(frames);
    Batch.Step<Object> locals = batch.get(batch.index(frames, frameIndex), "locals");
    Batch.Step<List<Description>> described =
        batch.describe(List.of(locals), describeDepth, LOCALS_PER_EXCHANGE, LiveObjects.SUMMARY_CHARS);
    exchange.run(batch);
    Description list;
    try {
      list = described.value().get(0);
    } catch (RdbException e) {
      if (pm.failed()) {
        throw new TargetException(name + ": no post-mortem #" + postMortemId + detail(pm), e);
      }
      int count = frameCount.failed() ? -1 : frameCount.value();
      throw new TargetException(name + ": no frame #" + frameIndex + " in post-mortem #" + postMortemId
          + (count < 0 ? "" : " (it has " + count + ")"), e);
    }
    if (list.length().orElse(0) > list.elements().size()) {
      list = allLocals(postMortemId, frameIndex, describeDepth, list.length().getAsInt());
    }
    List<Local> out = new ArrayList<>();
    Map<String, dev.rdb.cli.debuggee.Description> graph = new HashMap<>();
    for (Description.Element element : list.elements()) {
      Description local = element.description();
      if (local == null) {
        continue;
      }
      Description.Field value = local.field("value").orElse(null);
      out.add(new Local((String) field(local, "name"), (String) field(local, "type"),
          Boolean.TRUE.equals(field(local, "argument")), value == null ? Value.NULL : values.value(value.value())));
      if (value != null) {
        values.add(value.description(), graph);
      }
    }
    return new FrameLocals(out, ObjectGraph.of(graph));
  }

  private Description allLocals(int postMortemId, int frameIndex, int describeDepth, int count) {
    Batch batch = connection.batch();
    Batch.Step<Object> locals = batch.get(batch.index(batch.get(batch.call(root, "postMortem", postMortemId),
        "frames"), frameIndex), "locals");
    Batch.Step<List<Description>> described = batch.describe(List.of(locals), describeDepth, count,
        LiveObjects.SUMMARY_CHARS);
    exchange.run(batch);
    return exchange.value(described).get(0);
  }

  @Override
  public List<ThreadInfo> threads() {
    Batch batch = connection.batch();
    Batch.Step<Object> threads = batch.call(root, "threads");
    Batch.Step<List<Description>> described = batch.describe(List.of(threads), 3, MAX_FRAMES, 0);
    exchange.run(batch);
    List<ThreadInfo> out = new ArrayList<>();
    for (Description.Element element : exchange.value(described).get(0).elements()) {
      Description thread = element.description();
      List<String> stack = new ArrayList<>();
      Description.Field stackField = thread.field("stack").orElse(null);
      if (stackField != null && stackField.description() != null) {
        for (Description.Element line : stackField.description().elements()) {
          stack.add(String.valueOf(line.value()));
        }
      }
      out.add(new ThreadInfo((String) field(thread, "name"), (String) field(thread, "state"),
          Boolean.TRUE.equals(field(thread, "daemon")), stack));
    }
    return out;
  }

  @Override
  public ObjectPort objects() {
    return objects;
  }

  @Override
  public void close() {
    connection.close("the debugger detached");
  }

  private List<String> frameClasses() {
    synchronized (frameClasses) {
      return List.copyOf(frameClasses);
    }
  }

  /** A field of a described view; null when absent or unreadable. */
  private static Object field(Description view, String name) {
    if (view == null) {
      return null;
    }
    return view.field(name).map(Description.Field::value).orElse(null);
  }
}
