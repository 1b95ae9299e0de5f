package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.TargetException;

/** A dump file is unreadable, malformed, truncated, or breaks the schema; the message is one line. */
public final class DumpFormatException extends TargetException {
  private static final long serialVersionUID = 1L;

  DumpFormatException(String message) {
    super(message);
  }
}
