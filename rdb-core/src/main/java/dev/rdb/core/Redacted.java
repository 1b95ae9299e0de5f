package dev.rdb.core;

/**
 * Stands in for a value the serving side never sends because its name matches the
 * {@link Redaction}. Renders as {@code <redacted>}.
 */
public final class Redacted {
  /** The only instance. */
  public static final Redacted INSTANCE = new Redacted();

  private Redacted() {}

  @Override
  public String toString() {
    return "<redacted>";
  }
}
