package dev.rdb.core;

/**
 * String and char values written as Java literals for people: the CLI's renderer and the agent's
 * text dumps print remote strings with these escapes (and map keys bare by the same rule), so both
 * show a value the same way and a control or format character in a remote string can never reach
 * a terminal raw.
 */
public final class Literals {
  private Literals() {}

  /** The body of a literal quoted with {@code quote}: escapes for that quote, controls and format characters. */
  public static String escape(String s, char quote) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < ' ' || c == 0x7f || Character.getType(c) == Character.FORMAT) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Whether a map key may print without quotes, as in Java's {@code toString}: a short word
   * (letters, digits, {@code _ - .}) that cannot be mistaken for {@code null} or a boolean.
   */
  public static boolean isBareWord(String s) {
    if (s.isEmpty() || s.length() > 40 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') {
        return false;
      }
    }
    return !s.equals("null") && !s.equals("true") && !s.equals("false");
  }
}
