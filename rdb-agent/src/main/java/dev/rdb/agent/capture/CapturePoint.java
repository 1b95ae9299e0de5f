package dev.rdb.agent.capture;

import java.util.BitSet;

/**
 * A stretch of a method's code with one source line and one set of locals in scope. The handler's
 * entry for the stretch passes the point's index to the bridge, so the store knows the line and which
 * boxed locals were visible there, without any cost on the normal path.
 *
 * @param line source line, or -1 when the class has no line numbers
 * @param inScope indexes into the site's locals that are in scope here (`this` and
 *     the parameters wherever they can be read: everywhere but before a constructor's super(...))
 * @param rethrow true inside a compiler-made catch-any handler (finally, synchronized,
 *     try-with-resources) that rethrows: the exception came from elsewhere in the method, so the
 *     store takes the line of the stack trace and the scope of the points on that line
 */
public record CapturePoint(int line, BitSet inScope, boolean rethrow) {

  public CapturePoint {
    inScope = (BitSet) inScope.clone();
  }

  @Override
  public BitSet inScope() {
    return (BitSet) inScope.clone();
  }

  /** True when local {@code index} of the site is visible at this point. */
  public boolean visible(int index) {
    return inScope.get(index);
  }
}
