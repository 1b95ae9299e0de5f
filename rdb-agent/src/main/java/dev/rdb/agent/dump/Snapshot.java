package dev.rdb.agent.dump;

import java.util.List;

/**
 * What one dump file holds, read from the live objects once: the post-mortems with their locals and
 * the objects reached, in the order they were reached (breadth first).
 *
 * @param truncated true when the byte budget left reachable objects out
 */
record Snapshot(List<PostMortem> postMortems, List<ObjectNode> objects, DumpLimits limits,
    boolean truncated) {

  Snapshot {
    postMortems = List.copyOf(postMortems);
    objects = List.copyOf(objects);
  }

  /** @param name the test name for JUnit failures, else the exception type */
  record PostMortem(int id, String time, String thread, String name, ExceptionInfo exception,
      List<Frame> frames) {
    PostMortem {
      frames = List.copyOf(frames);
    }
  }

  /** A throwable by name; {@code cause} is null at the end of the chain. */
  record ExceptionInfo(String type, String message, List<String> stack, ExceptionInfo cause) {
    ExceptionInfo {
      stack = List.copyOf(stack);
    }
  }

  record Frame(String className, String methodName, String fileName, int line, boolean captured,
      boolean namesAvailable, List<Local> locals) {
    Frame {
      locals = List.copyOf(locals);
    }
  }

  record Local(String name, String type, boolean argument, DumpValue value) {}
}
