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
    if (!(o instanceof IdentityKey)) {
      return false;
    }
    Throwable mine = get();
    return mine != null && mine == ((IdentityKey) o).get();
  }
}
