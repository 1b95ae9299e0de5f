package dev.rdb.cli.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs commands from {@code -c} or {@code --script} in order and stops at the first failure, like
 * {@code set -e}: a CI step then fails on the command that went wrong, not on a later one.
 */
public final class ScriptRunner {
  private ScriptRunner() {}

  /** Runs {@code commands}; the failure that stopped it, or empty when all succeeded. */
  public static Optional<Failure> run(List<String> commands, Interpreter interpreter, Console console) {
    for (String command : commands) {
      Result result = interpreter.run(command);
      console.show(result);
      if (!result.ok()) {
        return Optional.of(result.failure());
      }
      if (result.quit()) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * Splits {@code where; up; p "a;b"} at semicolons outside string and char literals; skips blank
   * commands, and lines whose first non-blank character is {@code #} (comments).
   */
  public static List<String> split(String text) {
    List<String> commands = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      StringBuilder current = new StringBuilder();
      char quote = 0;
      boolean escaped = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          current.append(c);
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
          current.append(c);
        } else if (c == ';') {
          add(commands, current);
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      add(commands, current);
    }
    return commands;
  }

  private static void add(List<String> commands, StringBuilder command) {
    String text = command.toString().strip();
    if (!text.isEmpty()) {
      commands.add(text);
    }
  }
}
