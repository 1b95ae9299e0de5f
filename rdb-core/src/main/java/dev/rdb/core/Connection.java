package dev.rdb.core;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One end of an rdb connection. Both ends are equal once HELLO is done: each exports objects
 * (its root, and whatever its replies and arguments reference) and each calls the other's.
 *
 * <p>Threads: one reader thread ({@code rdb-reader-NAME}) receives every message. It completes
 * waiting calls by request id, applies RELEASE, and runs the steps of a request that touch no
 * application code (field reads, indexing arrays and plain JDK lists) itself; from the first step
 * that would run application code on, a daemon worker ({@code rdb-worker-NAME-N}) takes over — a
 * new one when all are busy, up to {@value #MAX_WORKERS}. So a call that makes the peer call back
 * into this end (and so on, to any depth) never waits for a thread the caller holds: the callback
 * runs on another worker while the caller waits. No lock is held while application code runs or
 * while a caller waits.
 *
 * <p>Every thread that sends (callers, the reader, workers, {@code rdb-release}, close) hands the
 * message to the channel, which checks it there (a reply too large for the channel becomes a
 * {@code FAIL "too-large"}). Over a {@link StreamChannel} that never waits for the peer: the sender
 * writes only what a non-blocking socket takes at once, the channel's writer thread
 * ({@code rdb-writer-…}) the rest, and a peer that stops reading fills the channel's bounded queue
 * and gets the connection closed, with the bytes queued in the reason, instead of holding a worker
 * per request in a socket write.
 *
 * <p>Every call waits at most {@link ConnectionOptions#callTimeout()}. When the connection closes,
 * for whatever reason, every waiting call fails with a {@link ConnectionClosedException} saying why
 * and who closed it, all exported objects are freed, and later calls fail at once.
 */
public final class Connection implements AutoCloseable {
  /** The protocol version this implementation speaks. */
  public static final long PROTOCOL_VERSION = 1;
  /** Features announced in HELLO; informational in version 1. */
  static final List<Object> FEATURES = List.of("pipelining", "describe", "release");
  static final int MAX_WORKERS = 256;
  /** How long closing waits for its GOODBYE to be written before it closes the channel anyway. */
  static final long GOODBYE_WAIT_MILLIS = 1000;
  /** Results longer than this are sent by a worker, so the reader never blocks on a big write. */
  private static final int READER_MAX_STRING = 8192;

  private enum Role { CLIENT, SERVER }

  private final Channel channel;
  private final ConnectionOptions options;
  private final Role role;
  private final ObjectTable exports = new ObjectTable();
  private final TypeTable types = new TypeTable();
  private final ImportedRefs imports = new ImportedRefs(this::sendRelease);
  private final ValueCodec codec;
  private final Dispatcher dispatcher;
  private final Map<Long, CompletableFuture<List<Object>>> pending = new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private final CompletableFuture<Void> handshake = new CompletableFuture<>();
  private final Map<Long, Shape> shapes = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor workers;
  private final Thread reader;
  private final Object closeLock = new Object();
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder served = new LongAdder();
  private final LongAdder releasesSent = new LongAdder();
  private final LongAdder internalErrors = new LongAdder();

  /** Null while open; set once, under closeLock. */
  private volatile ConnectionClosedException closed;
  private volatile boolean authenticated;
  private volatile Object peerRoot;
  private volatile Policy peerPolicy;
  /** Handshake state, touched by the reader thread only (and set before it starts). */
  private byte[] ownNonce;
  private byte[] peerNonce;

  private Connection(Channel channel, ConnectionOptions options, Role role) {
    if (channel == null || options == null) {
      throw new IllegalArgumentException("channel and options are required");
    }
    this.channel = channel;
    this.options = options;
    this.role = role;
    this.codec = new ValueCodec(this, exports, types);
    this.dispatcher = new Dispatcher(options.policy(), options.redaction(), codec, types);
    AtomicInteger workerCount = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread t = new Thread(runnable,
              "rdb-worker-" + options.name() + "-" + workerCount.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.reader = new Thread(this::readLoop, "rdb-reader-" + options.name());
    this.reader.setDaemon(true);
  }

  /**
   * Opens the client side: sends HELLO, checks the server's proof, proves the token, and returns
   * once the server has accepted. Throws {@link AuthenticationException} (token),
   * {@link ProtocolException} (version or malformed reply), {@link CallTimeoutException} (no answer
   * within the call timeout) or {@link ConnectionClosedException}; the channel is closed then.
   */
  public static Connection connect(Channel channel, ConnectionOptions options) {
    Connection c = new Connection(channel, options, Role.CLIENT);
    c.ownNonce = Handshake.nonce();
    c.reader.start();
    try {
      c.channel.send(ValueCodec.listOf("HELLO", PROTOCOL_VERSION, c.ownNonce, FEATURES));
    } catch (IOException e) {
      c.closeWith(ConnectionClosedException.ClosedBy.CHANNEL, "sending HELLO failed: "
          + e.getMessage(), e, false);
    }
    c.awaitHandshake();
    return c;
  }

  /**
   * Opens the server side: waits for HELLO, refuses a wrong version or token (telling the peer
   * why), and returns once the client is authenticated. Nothing is reachable before that.
   */
  public static Connection accept(Channel channel, ConnectionOptions options) {
    Connection c = new Connection(channel, options, Role.SERVER);
    c.reader.start();
    c.awaitHandshake();
    return c;
  }

  private void awaitHandshake() {
    Duration timeout = options.callTimeout();
    try {
      handshake.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      closeWith(ConnectionClosedException.ClosedBy.THIS_END, "HELLO got no answer within "
          + timeout.toMillis() + " ms", null, false);
      throw new CallTimeoutException("HELLO", timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeWith(ConnectionClosedException.ClosedBy.THIS_END, "interrupted during HELLO", e,
          false);
      throw new CallInterruptedException("HELLO");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConnectionClosedException) {
        throw ((ConnectionClosedException) cause).copy();
      }
      throw (RdbException) cause;
    }
  }

  // ---------------------------------------------------------------- public API

  /**
   * The peer's root object. Throws {@link InvalidOperationException} if the peer exported none.
   */
  public RemoteRef root() {
    Object root = peerRoot;
    if (root instanceof RemoteRef) {
      return (RemoteRef) root;
    }
    throw new InvalidOperationException(root == null ? "the peer exported no root object"
        : "the peer's root is a copied value, not an object: " + root);
  }

  /** What the peer lets this end do, as the peer announced it during HELLO. */
  public Policy peerPolicy() {
    return peerPolicy;
  }

  /** A new batch of pipelined operations, sent as one request by {@link Batch#execute()}. */
  public Batch batch() {
    return new Batch(this);
  }

  /**
   * Describes many values in one round trip (see {@link Description}); {@code targets} are
   * {@link RemoteRef}s of this connection. Nested values are described to {@code depth} levels.
   */
  public List<Description> describe(List<?> targets, int depth) {
    Batch batch = batch();
    Batch.Step<List<Description>> step = batch.describe(targets, depth);
    batch.execute();
    return step.value();
  }

  /** Counters of this connection. */
  public ConnectionStats stats() {
    return new ConnectionStats(roundTrips.sum(), served.sum(), releasesSent.sum(), exports.size(),
        imports.size(), internalErrors.sum());
  }

  /** Whether the connection is open. */
  public boolean isOpen() {
    return closed == null;
  }

  /** Why the connection closed, once it has. */
  public Optional<ConnectionClosedException> closeReason() {
    return Optional.ofNullable(closed);
  }

  /** The name given in the options, used in thread names. */
  public String name() {
    return options.name();
  }

  /** Closes with reason "closed by NAME"; idempotent. */
  @Override
  public void close() {
    close("closed by " + options.name());
  }

  /**
   * Says GOODBYE with {@code reason} and closes; idempotent. Returns within about
   * {@value #GOODBYE_WAIT_MILLIS} ms even when a write to the peer is blocked (the peer stopped
   * reading): the GOODBYE, and whatever was queued before it, is then dropped and the closed
   * channel fails that write.
   */
  public void close(String reason) {
    closeWith(ConnectionClosedException.ClosedBy.THIS_END, reason, null, true);
  }

  @Override
  public String toString() {
    return "Connection[" + options.name() + ", " + role.name().toLowerCase()
        + (closed == null ? ", open]" : ", " + closed.getMessage() + "]");
  }

  // ---------------------------------------------------------------- package API for refs and batches

  ValueCodec codec() {
    return codec;
  }

  ImportedRefs imports() {
    return imports;
  }

  Duration callTimeout() {
    return options.callTimeout();
  }

  Shape shape(long typeId) {
    Shape cached = shapes.get(typeId);
    if (cached != null) {
      return cached;
    }
    Batch batch = batch();
    Batch.Step<Shape> step = batch.shape(typeId);
    batch.execute();
    Shape shape = step.value();
    shapes.putIfAbsent(typeId, shape);
    return shape;
  }

  /**
   * Sends one request and waits for its reply: one outcome per operation, each a decoded value or
   * a {@link StepFailure}.
   */
  List<Object> request(List<Object> ops, String what, Duration timeout) {
    ConnectionClosedException c = closed;
    if (c != null) {
      throw c.copy();
    }
    long id = requestIds.incrementAndGet();
    CompletableFuture<List<Object>> reply = new CompletableFuture<>();
    pending.put(id, reply);
    if (closed != null) {
      pending.remove(id);
      throw closed.copy();
    }
    try {
      channel.send(ValueCodec.listOf("CALL", id, ops));
    } catch (IllegalArgumentException e) {
      pending.remove(id);
      throw new InvalidOperationException("cannot send " + what + ": " + e.getMessage());
    } catch (IOException e) {
      pending.remove(id);
      closeWith(ConnectionClosedException.ClosedBy.CHANNEL, "sending failed: " + e.getMessage(),
          e, false);
      throw closed.copy();
    }
    roundTrips.increment();
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.remove(id);
      throw new CallTimeoutException(what, timeout);
    } catch (InterruptedException e) {
      pending.remove(id);
      Thread.currentThread().interrupt();
      throw new CallInterruptedException(what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConnectionClosedException) {
        throw ((ConnectionClosedException) cause).copy();
      }
      throw (RdbException) cause;
    }
  }

  // ---------------------------------------------------------------- reader

  private void readLoop() {
    try {
      while (closed == null) {
        handle(channel.receive());
      }
    } catch (EOFException e) {
      closeWith(ConnectionClosedException.ClosedBy.CHANNEL,
          "peer ended the channel without GOODBYE (" + e.getMessage() + ")", e, false);
    } catch (IOException e) {
      closeWith(ConnectionClosedException.ClosedBy.CHANNEL, "channel failed: " + e.getMessage(),
          e, false);
    } catch (OperationFailure e) {
      protocolError(e.getMessage());
    } catch (Throwable t) {
      internalErrors.increment();
      closeWith(ConnectionClosedException.ClosedBy.THIS_END, "internal error in reader: " + t, t,
          true);
    }
  }

  private void handle(Object message) {
    if (!(message instanceof List) || ((List<?>) message).isEmpty()
        || !(((List<?>) message).get(0) instanceof String)) {
      protocolError("message is not a [kind, …] list: " + ValueCodec.brief(message));
      return;
    }
    List<?> m = (List<?>) message;
    String kind = (String) m.get(0);
    if (!authenticated) {
      if ("REFUSED".equals(kind)) {
        onRefused(m);
      } else if (role == Role.SERVER) {
        serverHandshake(kind, m);
      } else {
        clientHandshake(kind, m);
      }
      return;
    }
    switch (kind) {
      case "CALL":
        onCall(m);
        break;
      case "REPLY":
        onReply(m);
        break;
      case "FAIL":
        onFail(m);
        break;
      case "RELEASE":
        onRelease(m);
        break;
      case "GOODBYE":
        closeWith(ConnectionClosedException.ClosedBy.PEER,
            m.size() > 1 && m.get(1) instanceof String ? (String) m.get(1) : "no reason given",
            null, false);
        break;
      default:
        protocolError("unknown message kind '" + kind + "'");
    }
  }

  private void protocolError(String what) {
    closeWith(ConnectionClosedException.ClosedBy.THIS_END, "protocol error: " + what, null, true);
  }

  private void onCall(List<?> m) {
    if (m.size() != 3 || !(m.get(1) instanceof Long)) {
      protocolError("CALL must be [\"CALL\", id, [operations]]");
      return;
    }
    long id = (Long) m.get(1);
    if (!(m.get(2) instanceof List)) {
      sendQuietly(ValueCodec.listOf("FAIL", id, "protocol", "CALL operations must be a list"));
      return;
    }
    List<?> ops = (List<?>) m.get(2);
    served.increment();
    Dispatcher.Execution execution = dispatcher.start(ops);
    boolean done;
    try {
      done = execution.runOnReader();
    } catch (Throwable t) {
      internalErrors.increment();
      sendReply(id, internalFailure(ops, t));
      return;
    }
    if (done && fitsReader(execution.results())) {
      sendReply(id, execution.results());
      return;
    }
    try {
      workers.execute(() -> sendReply(id, finish(execution, ops)));
    } catch (RejectedExecutionException e) {
      sendQuietly(ValueCodec.listOf("FAIL", id, "busy", closed != null ? "connection closed"
          : MAX_WORKERS + " requests are already running on " + options.name()));
    }
  }

  private List<Object> finish(Dispatcher.Execution execution, List<?> ops) {
    try {
      return execution.runToEnd();
    } catch (Throwable t) {
      internalErrors.increment();
      return internalFailure(ops, t);
    }
  }

  private List<Object> internalFailure(List<?> ops, Throwable t) {
    List<Object> failures = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      failures.add(dispatcher.encodeFailure(new OperationFailure(OperationFailure.INTERNAL,
          "internal error: " + t + where(t))));
    }
    return failures;
  }

  /** Sends a REPLY, or FAIL when the reply is too large for the channel. */
  private void sendReply(long id, List<Object> results) {
    try {
      sendQuietly(ValueCodec.listOf("REPLY", id, results));
    } catch (IllegalArgumentException e) {
      sendQuietly(ValueCodec.listOf("FAIL", id, "too-large", e.getMessage()));
    }
  }

  private static String where(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length == 0 ? "" : " at " + stack[0];
  }

  private static boolean fitsReader(List<Object> results) {
    for (Object r : results) {
      if (r instanceof String && ((String) r).length() > READER_MAX_STRING) {
        return false;
      }
    }
    return true;
  }

  private void onReply(List<?> m) {
    if (m.size() != 3 || !(m.get(1) instanceof Long) || !(m.get(2) instanceof List)) {
      protocolError("REPLY must be [\"REPLY\", id, [results]]");
      return;
    }
    List<?> results = (List<?>) m.get(2);
    List<Object> outcomes = new ArrayList<>(results.size());
    for (Object r : results) {
      outcomes.add(decodeOutcome(r));
    }
    CompletableFuture<List<Object>> reply = pending.remove((Long) m.get(1));
    if (reply != null) {
      reply.complete(outcomes);
    }
  }

  private Object decodeOutcome(Object wire) {
    if (wire instanceof List && !((List<?>) wire).isEmpty()) {
      List<?> w = (List<?>) wire;
      Object tag = w.get(0);
      if (ValueCodec.ERROR.equals(tag)) {
        ValueCodec.arity(w, 4);
        Object thrown = w.get(3);
        return new StepFailure(ValueCodec.field(w, 1, String.class),
            ValueCodec.field(w, 2, String.class),
            thrown == null ? null : (RemoteThrowable) codec.decode(
                ValueCodec.requireTagged(thrown, ValueCodec.THROWABLE)));
      }
      if (ValueCodec.DESCRIPTIONS.equals(tag)) {
        ValueCodec.arity(w, 2);
        List<Description> descriptions = new ArrayList<>();
        for (Object d : ValueCodec.field(w, 1, List.class)) {
          descriptions.add(Describer.decode(d, codec));
        }
        return descriptions;
      }
      if (ValueCodec.SHAPE.equals(tag)) {
        ValueCodec.arity(w, 2);
        return Shapes.decode(w.get(1));
      }
    }
    return codec.decode(wire);
  }

  private void onFail(List<?> m) {
    if (m.size() != 4 || !(m.get(1) instanceof Long) || !(m.get(2) instanceof String)
        || !(m.get(3) instanceof String)) {
      protocolError("FAIL must be [\"FAIL\", id, code, message]");
      return;
    }
    CompletableFuture<List<Object>> reply = pending.remove((Long) m.get(1));
    if (reply != null) {
      String code = (String) m.get(2);
      String message = (String) m.get(3);
      reply.completeExceptionally("protocol".equals(code) ? new ProtocolException(message)
          : new InvalidOperationException(code + ": " + message));
    }
  }

  private void onRelease(List<?> m) {
    if (m.size() != 2 || !(m.get(1) instanceof List) || ((List<?>) m.get(1)).size() % 2 != 0) {
      protocolError("RELEASE must be [\"RELEASE\", [id, count, …]]");
      return;
    }
    List<?> pairs = (List<?>) m.get(1);
    for (int i = 0; i < pairs.size(); i += 2) {
      if (!(pairs.get(i) instanceof Long) || !(pairs.get(i + 1) instanceof Long)) {
        protocolError("RELEASE ids and counts must be integers");
        return;
      }
      exports.release((Long) pairs.get(i), (Long) pairs.get(i + 1));
    }
  }

  // ---------------------------------------------------------------- HELLO

  private void serverHandshake(String kind, List<?> m) {
    if (peerNonce == null) {
      if (!"HELLO".equals(kind)) {
        refuse("protocol", "expected HELLO, got " + kind + " before authentication");
        return;
      }
      if (m.size() < 3 || !(m.get(1) instanceof Long) || !(m.get(2) instanceof byte[])) {
        refuse("protocol", "HELLO must be [\"HELLO\", version, nonce, features]");
        return;
      }
      long version = (Long) m.get(1);
      if (version != PROTOCOL_VERSION) {
        refuse("version", "protocol version mismatch: client speaks " + version
            + ", server speaks " + PROTOCOL_VERSION);
        return;
      }
      byte[] clientNonce = (byte[]) m.get(2);
      if (clientNonce.length < 16 || clientNonce.length > 64) {
        refuse("protocol", "HELLO nonce must be 16 to 64 bytes, got " + clientNonce.length);
        return;
      }
      peerNonce = clientNonce;
      ownNonce = Handshake.nonce();
      byte[] proof = Handshake.proof(options.token(), Handshake.SERVER_LABEL, peerNonce, ownNonce);
      sendQuietly(ValueCodec.listOf("CHALLENGE", PROTOCOL_VERSION, ownNonce, proof, FEATURES));
      return;
    }
    if (!"AUTH".equals(kind) || m.size() != 4) {
      refuse("protocol", "expected AUTH, got " + kind);
      return;
    }
    byte[] expected = Handshake.proof(options.token(), Handshake.CLIENT_LABEL, ownNonce, peerNonce);
    if (!Handshake.matches(expected, m.get(1))) {
      refuse("auth", "bad token: the client's proof does not match");
      return;
    }
    if (!acceptPeerRootAndPolicy(m.get(2), m.get(3))) {
      return;
    }
    authenticated = true;
    sendQuietly(ValueCodec.listOf("WELCOME", codec.encode(options.root()),
        encodePolicy(options.policy())));
    handshake.complete(null);
  }

  private void clientHandshake(String kind, List<?> m) {
    if (peerNonce == null) {
      if (!"CHALLENGE".equals(kind) || m.size() < 4 || !(m.get(1) instanceof Long)
          || !(m.get(2) instanceof byte[])) {
        refuse("protocol", "expected CHALLENGE, got " + ValueCodec.brief(m));
        return;
      }
      long version = (Long) m.get(1);
      if (version != PROTOCOL_VERSION) {
        refuse("version", "protocol version mismatch: client speaks " + PROTOCOL_VERSION
            + ", server speaks " + version);
        return;
      }
      peerNonce = (byte[]) m.get(2);
      byte[] expected = Handshake.proof(options.token(), Handshake.SERVER_LABEL, ownNonce,
          peerNonce);
      if (!Handshake.matches(expected, m.get(3))) {
        refuse("auth", "the server failed to prove it knows the token");
        return;
      }
      byte[] proof = Handshake.proof(options.token(), Handshake.CLIENT_LABEL, peerNonce, ownNonce);
      sendQuietly(ValueCodec.listOf("AUTH", proof, codec.encode(options.root()),
          encodePolicy(options.policy())));
      return;
    }
    if (!"WELCOME".equals(kind) || m.size() != 3) {
      refuse("protocol", "expected WELCOME, got " + kind);
      return;
    }
    if (acceptPeerRootAndPolicy(m.get(1), m.get(2))) {
      authenticated = true;
      handshake.complete(null);
    }
  }

  private void onRefused(List<?> m) {
    String code = m.size() > 1 && m.get(1) instanceof String ? (String) m.get(1) : "protocol";
    String reason = m.size() > 2 && m.get(2) instanceof String ? (String) m.get(2)
        : "no reason given";
    String who = role == Role.CLIENT ? "server" : "client";
    RdbException failure = "auth".equals(code)
        ? new AuthenticationException(who + " refused: " + reason)
        : new ProtocolException(who + " refused: " + reason);
    handshake.completeExceptionally(failure);
    closeWith(ConnectionClosedException.ClosedBy.PEER, reason, null, false);
  }

  private boolean acceptPeerRootAndPolicy(Object root, Object policy) {
    try {
      peerRoot = codec.decode(root);
      peerPolicy = decodePolicy(policy);
      return true;
    } catch (OperationFailure | ClassCastException e) {
      refuse("protocol", "bad root or policy: " + e.getMessage());
      return false;
    }
  }

  /**
   * Refuses the peer during HELLO: tells it why, fails this end's handshake, closes. The channel is
   * closed before the handshake fails, because closing lets the REFUSED be written (a channel may
   * queue it) and whoever waits for the handshake may close the transport under it at once.
   */
  private void refuse(String code, String reason) {
    sendQuietly(ValueCodec.listOf("REFUSED", code, reason));
    channel.close();
    handshake.completeExceptionally("auth".equals(code) ? new AuthenticationException(reason)
        : new ProtocolException(reason));
    closeWith(ConnectionClosedException.ClosedBy.THIS_END, reason, null, false);
  }

  private static Object encodePolicy(Policy policy) {
    List<Object> rules = new ArrayList<>();
    for (Policy.Rule r : policy.rules()) {
      rules.add(ValueCodec.listOf(r.allow(), r.action().name(), r.classPattern(),
          r.memberPattern()));
    }
    return Map.of("name", policy.name(), "rules", rules);
  }

  private static Policy decodePolicy(Object wire) {
    if (!(wire instanceof Map) || !(((Map<?, ?>) wire).get("name") instanceof String)
        || !(((Map<?, ?>) wire).get("rules") instanceof List)) {
      throw ValueCodec.invalid("policy must be {name, rules}");
    }
    Map<?, ?> m = (Map<?, ?>) wire;
    List<Policy.Rule> rules = new ArrayList<>();
    for (Object r : (List<?>) m.get("rules")) {
      List<?> w = (List<?>) r;
      Policy.Action action;
      try {
        action = Policy.Action.valueOf(ValueCodec.field(w, 1, String.class));
      } catch (IllegalArgumentException e) {
        throw ValueCodec.invalid("unknown policy action " + w.get(1));
      }
      rules.add(new Policy.Rule(ValueCodec.field(w, 0, Boolean.class), action,
          ValueCodec.field(w, 2, String.class), ValueCodec.field(w, 3, String.class)));
    }
    return new Policy((String) m.get("name"), rules);
  }

  // ---------------------------------------------------------------- sending and closing

  private void sendRelease(List<Object> pairs) {
    if (closed != null || !authenticated) {
      return;
    }
    if (sendQuietly(ValueCodec.listOf("RELEASE", pairs))) {
      releasesSent.increment();
    }
  }

  /** Sends, turning a failed send into a closed connection; returns whether it was sent. */
  private boolean sendQuietly(Object message) {
    if (closed != null) {
      return false;
    }
    try {
      channel.send(message);
      return true;
    } catch (IOException e) {
      closeWith(ConnectionClosedException.ClosedBy.CHANNEL, "sending failed: " + e.getMessage(),
          e, false);
      return false;
    }
  }

  /**
   * Sends GOODBYE on a worker and waits at most {@link #GOODBYE_WAIT_MILLIS} for the send. Over a
   * {@link StreamChannel} the send only queues it (behind the replies already queued) and returns,
   * and closing the channel then waits a bounded time for the writer; over a channel whose send
   * blocks, the worker may wait for a peer that stopped reading, and the caller closes the channel
   * regardless, which fails that write. With every worker busy the peer learns of the close from
   * the closed channel alone.
   */
  private void sayGoodbye(String reason) {
    Object goodbye = ValueCodec.listOf("GOODBYE", reason);
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      workers.execute(() -> {
        try {
          channel.send(goodbye);
        } catch (IOException | RuntimeException ignored) {
          // The peer is gone already, or the channel was closed while this waited.
        } finally {
          sent.complete(null);
        }
      });
      sent.get(GOODBYE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException | TimeoutException | ExecutionException e) {
      // Closing the channel is all that is left to do.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeWith(ConnectionClosedException.ClosedBy by, String reason, Throwable cause,
      boolean sayGoodbye) {
    ConnectionClosedException reasonException;
    synchronized (closeLock) {
      if (closed != null) {
        return;
      }
      reasonException = new ConnectionClosedException(by, reason, cause);
      closed = reasonException;
    }
    if (sayGoodbye) {
      sayGoodbye(reason);
    }
    channel.close();
    handshake.completeExceptionally(reasonException);
    for (Long id : new ArrayList<>(pending.keySet())) {
      CompletableFuture<List<Object>> reply = pending.remove(id);
      if (reply != null) {
        reply.completeExceptionally(reasonException);
      }
    }
    exports.clear();
    imports.close();
    workers.shutdown();
  }
}
