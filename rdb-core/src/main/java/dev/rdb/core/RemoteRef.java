package dev.rdb.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference to an object that lives on the other end of a {@link Connection}. Each method that
 * reads or runs something is one round trip (use {@link Batch} to pipeline several); results are
 * values: {@code null}, {@link Boolean}, {@link Character}, {@link Byte}, {@link Short},
 * {@link Integer}, {@link Long}, {@link Float}, {@link Double}, {@link String}, {@link EnumValue},
 * {@link RemoteRef}, {@link RemoteThrowable}, or {@link Redacted}.
 *
 * <p>There is one live handle per remote object and connection, so {@code ==} and
 * {@link #equals} mean remote identity without a round trip. When the handle becomes unreachable
 * the remote side is told (in a batched RELEASE) and may free the object.
 */
public final class RemoteRef {
  /** First chunk size used by {@link #elements()}; each next chunk is twice as large. */
  static final int FIRST_CHUNK = 64;

  private final Connection connection;
  private final long id;
  private final long typeId;
  private final String typeName;
  private final int lengthHint;
  private final String className;
  /** Times the peer sent this id to the handle's current life; released in one count. */
  private final AtomicLong receipts = new AtomicLong(1);

  RemoteRef(Connection connection, long id, long typeId, String typeName, int lengthHint,
      String className) {
    this.connection = connection;
    this.id = id;
    this.typeId = typeId;
    this.typeName = typeName;
    this.lengthHint = lengthHint;
    this.className = className;
  }

  /** The connection this reference belongs to. */
  public Connection connection() {
    return connection;
  }

  /** Binary name of the remote object's runtime class, e.g. {@code com.acme.Order}. */
  public String typeName() {
    return typeName;
  }

  /**
   * The length sent with the reference: always for arrays, and for JDK collections whose size is a
   * plain field; a snapshot taken when the reference was sent. Use {@link #length()} for now.
   */
  public OptionalInt lengthHint() {
    return lengthHint < 0 ? OptionalInt.empty() : OptionalInt.of(lengthHint);
  }

  /** When the remote object is a {@code Class}, its name (for static access). */
  public Optional<String> className() {
    return Optional.ofNullable(className);
  }

  /** The remote type's shape, fetched once per type per connection. */
  public Shape shape() {
    return connection.shape(typeId);
  }

  /** Reads a field (private fields too). */
  public Object get(String field) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.get(this, field);
    b.execute();
    return s.value();
  }

  /** Writes a field, if the remote policy allows. */
  public void set(String field, Object value) {
    Batch b = connection.batch();
    Batch.Step<Void> s = b.set(this, field, value);
    b.execute();
    s.value();
  }

  /** Reads a static field of the class this reference points at (see {@link #className()}). */
  public Object getStatic(String field) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.getStatic(this, field);
    b.execute();
    return s.value();
  }

  /** Writes a static field of the class this reference points at. */
  public void setStatic(String field, Object value) {
    Batch b = connection.batch();
    Batch.Step<Void> s = b.setStatic(this, field, value);
    b.execute();
    s.value();
  }

  /** Calls a method; the overload is chosen by arity and argument types. */
  public Object call(String method, Object... args) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.call(this, method, args);
    b.execute();
    return s.value();
  }

  /** Calls a static method of the class this reference points at. */
  public Object callStatic(String method, Object... args) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.callStatic(this, method, args);
    b.execute();
    return s.value();
  }

  Object callExact(String method, List<String> parameterTypes, Object... args) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.callExact(this, method, parameterTypes, args);
    b.execute();
    return s.value();
  }

  /** An element of an array or List, a character of a String, or a Map's value for a key. */
  public Object index(Object keyOrIndex) {
    Batch b = connection.batch();
    Batch.Step<Object> s = b.index(this, keyOrIndex);
    b.execute();
    return s.value();
  }

  /** Length or size, now. */
  public int length() {
    Batch b = connection.batch();
    Batch.Step<Integer> s = b.length(this);
    b.execute();
    return s.value();
  }

  /** Elements {@code [from, to)} (see {@link Batch#slice}); may return fewer than asked. */
  public List<Object> slice(int from, int to) {
    Batch b = connection.batch();
    Batch.Step<List<Object>> s = b.slice(this, from, to);
    b.execute();
    return s.value();
  }

  /**
   * The elements of a remote array, Iterable, Map (as {@link MapEntry}) or Iterator, fetched lazily
   * in chunks that double in size (64, 128, … up to 65,536 per round trip).
   */
  public Iterable<Object> elements() {
    return () -> new ChunkedIterator(this);
  }

  /** Every element, forced now (see {@link #elements()}). */
  public List<Object> toList() {
    List<Object> all = new ArrayList<>(Math.max(lengthHint, 16));
    for (Object e : elements()) {
      all.add(e);
    }
    return all;
  }

  /** {@code String.valueOf} on the remote side, at most {@code maxChars} (plus a marker). */
  public String toStringBounded(int maxChars) {
    Batch b = connection.batch();
    Batch.Step<String> s = b.toStringBounded(this, maxChars);
    b.execute();
    return s.value();
  }

  /** {@code equals} evaluated on the remote side. */
  public boolean remoteEquals(Object other) {
    Batch b = connection.batch();
    Batch.Step<Boolean> s = b.remoteEquals(this, other);
    b.execute();
    return s.value();
  }

  /** {@code hashCode()} evaluated on the remote side. */
  public int remoteHashCode() {
    Batch b = connection.batch();
    Batch.Step<Integer> s = b.remoteHashCode(this);
    b.execute();
    return s.value();
  }

  /** {@code System.identityHashCode} of the remote object. */
  public int identityHash() {
    Batch b = connection.batch();
    Batch.Step<Integer> s = b.identityHash(this);
    b.execute();
    return s.value();
  }

  /** Describes this object, nested values to {@code depth} levels (see {@link Description}). */
  public Description describe(int depth) {
    return connection.describe(List.of(this), depth).get(0);
  }

  /**
   * A local proxy implementing {@code iface} whose calls run on the remote object (the overload
   * with the interface method's exact parameter types). Interface-typed results that are
   * references come back as proxies too.
   */
  public <T> T as(Class<T> iface) {
    return RemoteProxy.create(this, iface);
  }

  long id() {
    return id;
  }

  AtomicLong receipts() {
    return receipts;
  }

  /** Same remote object on the same connection. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RemoteRef && ((RemoteRef) o).id == id
        && ((RemoteRef) o).connection == connection;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + System.identityHashCode(connection);
  }

  /** Local, no round trip: {@code RemoteRef[com.acme.Order#12]}. */
  @Override
  public String toString() {
    return "RemoteRef[" + typeName + "#" + id + "]";
  }

  private static final class ChunkedIterator implements Iterator<Object> {
    private final RemoteRef ref;
    private List<Object> chunk = List.of();
    private int position;
    private int from;
    private int chunkSize = FIRST_CHUNK;
    private boolean more = true;

    ChunkedIterator(RemoteRef ref) {
      this.ref = ref;
    }

    @Override
    public boolean hasNext() {
      while (position >= chunk.size() && more) {
        Chunk next = (Chunk) ref.slice(from, (int) Math.min(Integer.MAX_VALUE,
            (long) from + chunkSize));
        chunk = next;
        position = 0;
        from += next.size();
        more = next.more() && !next.isEmpty();
        chunkSize = Math.min(chunkSize * 2, Dispatcher.MAX_SLICE);
      }
      return position < chunk.size();
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return chunk.get(position++);
    }
  }
}
