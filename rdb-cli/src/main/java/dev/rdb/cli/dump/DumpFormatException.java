package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.TargetException;

/** A dump file is unreadable, malformed, truncated, or breaks the schema; the message is one line. */
public final class DumpFormatException extends TargetException {
  private static final long serialVersionUID = 1L;

  DumpFormatException(String message) {
    super(oneLine(message));
  }

  /** Names and values quoted from a hostile file must not break the one-line message. */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      out.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
