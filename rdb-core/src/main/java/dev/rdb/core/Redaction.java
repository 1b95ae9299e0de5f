package dev.rdb.core;

import java.util.regex.Pattern;

/**
 * Names whose values never leave the serving JVM: a field, map key or getter whose name matches is
 * sent as {@link Redacted} instead of its value. Matching is a regular-expression <em>find</em>
 * (a substring match), so {@code dbPassword} and {@code API_TOKEN} match the defaults.
 */
public final class Redaction {
  /** The default pattern, case-insensitive. */
  public static final String DEFAULT_PATTERN = "password|passwd|secret|token|apikey|api_key|credential";

  private static final Redaction DEFAULTS =
      new Redaction(Pattern.compile(DEFAULT_PATTERN, Pattern.CASE_INSENSITIVE));
  private static final Redaction NONE = new Redaction(null);

  private final Pattern pattern;

  private Redaction(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Redacts {@link #DEFAULT_PATTERN}. */
  public static Redaction defaults() {
    return DEFAULTS;
  }

  /** Redacts nothing. */
  public static Redaction none() {
    return NONE;
  }

  /** Redacts names in which {@code pattern} finds a match. */
  public static Redaction matching(Pattern pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("pattern is null");
    }
    return new Redaction(pattern);
  }

  /** Whether a value named {@code name} must not be sent. */
  public boolean redacts(String name) {
    return pattern != null && name != null && pattern.matcher(name).find();
  }

  /** The pattern, or {@code null} for {@link #none()}. */
  public String pattern() {
    return pattern == null ? null : pattern.pattern();
  }

  @Override
  public String toString() {
    return pattern == null ? "Redaction[none]" : "Redaction[" + pattern.pattern() + "]";
  }
}
