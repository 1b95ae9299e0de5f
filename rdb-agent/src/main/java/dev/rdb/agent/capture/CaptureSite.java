package dev.rdb.agent.capture;

import java.util.List;

/**
 * What the transformer knows about one instrumented method: the store turns the {@code Object[]} a
 * handler passes into named, typed locals with it.
 *
 * @param id the number the handler passes to the bridge
 * @param className binary name ({@code com.acme.Cart$Line})
 * @param methodName {@code <init>} and {@code <clinit>} included
 * @param descriptor JVM method descriptor
 * @param fileName source file, or null
 * @param namesAvailable false when the class was compiled without local-variable tables
 * @param allLocals true when every local is captured, false when only {@code this} and parameters
 * @param locals the boxed values, in array order
 * @param points code stretches, indexed by what the handler passes as {@code point}
 */
public record CaptureSite(
    int id,
    String className,
    String methodName,
    String descriptor,
    String fileName,
    boolean namesAvailable,
    boolean allLocals,
    List<LocalSlot> locals,
    List<CapturePoint> points) {

  public CaptureSite {
    locals = List.copyOf(locals);
    points = List.copyOf(points);
  }

  /** The key the store and the retransformer use for "this method" across loads. */
  public String methodKey() {
    return className + '.' + methodName + descriptor;
  }
}
