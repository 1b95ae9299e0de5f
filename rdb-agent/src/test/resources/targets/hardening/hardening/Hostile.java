package hardening;

import java.util.concurrent.atomic.AtomicInteger;

/** A value whose toString, hashCode and equals throw and count: the agent must never call them. */
final class Hostile {

  static final AtomicInteger FORBIDDEN_CALLS = new AtomicInteger();

  private final String label;

  Hostile(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    FORBIDDEN_CALLS.incrementAndGet();
    throw new IllegalStateException("toString of " + label);
  }

  @Override
  public int hashCode() {
    FORBIDDEN_CALLS.incrementAndGet();
    throw new IllegalStateException("hashCode of " + label);
  }

  @Override
  public boolean equals(Object o) {
    FORBIDDEN_CALLS.incrementAndGet();
    throw new IllegalStateException("equals of " + label);
  }

  /** An exception whose own methods throw: getMessage may be called (and must be survived). */
  static final class HostileException extends RuntimeException {
    final Hostile value;

    HostileException(Hostile value) {
      super("never read directly");
      this.value = value;
    }

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage");
    }

    @Override
    public String toString() {
      FORBIDDEN_CALLS.incrementAndGet();
      throw new IllegalStateException("toString of the exception");
    }

    @Override
    public int hashCode() {
      FORBIDDEN_CALLS.incrementAndGet();
      throw new IllegalStateException("hashCode of the exception");
    }

    @Override
    public boolean equals(Object o) {
      FORBIDDEN_CALLS.incrementAndGet();
      throw new IllegalStateException("equals of the exception");
    }
  }
}
