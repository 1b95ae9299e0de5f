package dev.rdb.agent.store;

/**
 * The instrumented frames below the one a throwable was first captured in, innermost first, as it
 * leaves them one by one. Used by the thread the throwable unwinds on only.
 */
final class InstrumentedCallers {

  private final String[] classNames;
  private final String[] methodNames;
  private int left;

  InstrumentedCallers(String[] classNames, String[] methodNames) {
    this.classNames = classNames;
    this.methodNames = methodNames;
  }

  /** Steps past the next caller if it is {@code className.methodName}; false when it is not. */
  boolean leave(String className, String methodName) {
    if (left < classNames.length && classNames[left].equals(className) && methodNames[left].equals(methodName)) {
      left++;
      return true;
    }
    return false;
  }

  /** True when no instrumented caller is left. */
  boolean none() {
    return left == classNames.length;
  }
}
