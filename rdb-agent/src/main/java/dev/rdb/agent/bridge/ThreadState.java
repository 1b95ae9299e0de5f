package dev.rdb.agent.bridge;

import java.lang.ref.WeakReference;

/**
 * What the bridge remembers about one application thread: whether it is inside the bridge, and the
 * sink's last answers about the throwables unwinding on it. Throwables are held weakly: remembering
 * one must never keep it, or what it references, alive.
 */
final class ThreadState {

  /** True while the thread runs bridge or sink code: calls from it then return at once. */
  boolean inside;
  /** The last throwable the sink declined: its outer frames are not offered again. */
  private WeakReference<Throwable> declined;
  /** The last throwable the sink took: its frames are offered even at a quiet throw point. */
  private WeakReference<Throwable> followed;

  boolean declined(Throwable thrown) {
    return declined != null && declined.get() == thrown;
  }

  boolean followed(Throwable thrown) {
    return followed != null && followed.get() == thrown;
  }

  void decline(Throwable thrown) {
    declined = new WeakReference<>(thrown);
  }

  void follow(Throwable thrown) {
    if (!followed(thrown)) {
      followed = new WeakReference<>(thrown);
    }
  }
}
