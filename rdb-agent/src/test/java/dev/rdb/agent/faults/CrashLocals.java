package dev.rdb.agent.faults;

import dev.rdb.core.Connection;
import dev.rdb.core.RemoteRef;

/** Reads the target's crash (post-mortem 1, innermost frame {@code Shop.settle}) member by member. */
final class CrashLocals {

  private CrashLocals() {}

  /** The value of local {@code name} of the crash's innermost frame. */
  static Object value(Connection c, String name) {
    RemoteRef locals = (RemoteRef) ((RemoteRef) ((RemoteRef) ((RemoteRef) c.root()
        .call("postMortem", 1)).get("frames")).index(0)).get("locals");
    for (Object l : locals.toList()) {
      if (name.equals(((RemoteRef) l).get("name"))) {
        return ((RemoteRef) l).get("value");
      }
    }
    throw new AssertionError("the crash has no local " + name);
  }
}
