package dev.rdb.cli.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REPL's commands by name and alias, and the "did you mean" for unknown names. */
public final class CommandTable {
  private final List<ReplCommand> commands;
  private final Map<String, ReplCommand> byName = new LinkedHashMap<>();

  public CommandTable() {
    commands = List.of(new Exceptions(), new SelectPostMortem(), new Where(), new Up(), new Down(),
        new SelectFrame(), new Locals(), new Args(), new Print(), new PrettyPrint(), new Fields(),
        new ListSource(), new Threads(), new Cause(), new SetLimit(), new Help(this), new Quit());
    for (ReplCommand command : commands) {
      byName.put(command.name(), command);
      command.aliases().forEach(alias -> byName.put(alias, command));
    }
  }

  List<ReplCommand> commands() {
    return commands;
  }

  /** Every name and alias, for completion. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  Optional<ReplCommand> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** {@code unknown command 'wher': did you mean 'where'? (help lists the commands)}. */
  String unknown(String name) {
    String shown = name.length() > 30 ? name.substring(0, 30) + "…" : name;
    String lower = name.toLowerCase();
    for (ReplCommand command : commands) {
      if (!lower.isEmpty() && command.name().startsWith(lower)) {
        return "unknown command '" + shown + "': did you mean '" + command.name() + "'? (help lists the commands)";
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : byName.keySet()) {
      int d = distance(name.toLowerCase(), candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    String hint = best != null && bestDistance <= Math.max(2, name.length() / 2)
        ? ": did you mean '" + best + "'?" : "";
    return "unknown command '" + shown + "'" + hint + " (help lists the commands)";
  }

  /** Levenshtein distance, bounded so a pasted paragraph costs no time. */
  private static int distance(String a, String b) {
    if (a.length() > 40) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
