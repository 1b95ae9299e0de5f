package dev.rdb.agent.store;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A throwable's identity, weakly held: equal to another key of the same live throwable. Never calls
 * the throwable's own {@code equals}/{@code hashCode}, which are application code.
 */
final class IdentityKey extends WeakReference<Throwable> {

  private final int hash;

  IdentityKey(Throwable thrown, ReferenceQueue<Throwable> queue) {
    super(thrown, queue);
    this.hash = System.identityHashCode(thrown);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    Throwable mine = get();
    if (o instanceof Probe) {
      return mine != null && mine == ((Probe) o).thrown;
    }
    return o instanceof IdentityKey && mine != null && mine == ((IdentityKey) o).get();
  }

  /**
   * A strong, short-lived key for lookups: equal to the {@link IdentityKey} of the same throwable,
   * so a lookup allocates no {@code WeakReference} (the exception path calls it once per frame).
   */
  static final class Probe {
    final Throwable thrown;
    private final int hash;

    Probe(Throwable thrown) {
      this.thrown = thrown;
      this.hash = System.identityHashCode(thrown);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof IdentityKey && ((IdentityKey) o).get() == thrown && thrown != null);
    }
  }
}
