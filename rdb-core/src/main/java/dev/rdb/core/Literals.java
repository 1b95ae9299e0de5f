package dev.rdb.core;

/**
 * String and char values written as Java literals for people: the CLI's renderer and the agent's
 * text dumps print remote strings with these escapes, so both show a value the same way and a
 * control or format character in a remote string can never reach a terminal raw.
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
}
