package dev.rdb.cli.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** {@code help [CMD]}: the commands, or one command's usage. */
final class Help implements ReplCommand {
  private final CommandTable table;

  Help(CommandTable table) {
    this.table = table;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public List<String> aliases() {
    return List.of("?", "h");
  }

  @Override
  public String usage() {
    return "help [CMD]";
  }

  @Override
  public String summary() {
    return "list the commands, or explain one";
  }

  @Override
  public Reply run(Session session, String argument) {
    if (!argument.isEmpty()) {
      ReplCommand command = table.find(argument)
          .orElseThrow(() -> new CommandException(table.unknown(argument)));
      String aliases = command.aliases().isEmpty() ? "" : "  (also: " + String.join(", ", command.aliases()) + ")";
      return Reply.text(command.usage() + "  —  " + command.summary() + aliases,
          JsonData.map("command", command.name(), "usage", command.usage(), "summary", command.summary(),
              "aliases", command.aliases()));
    }
    List<AttributedString> lines = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    int width = table.commands().stream().mapToInt(c -> c.usage().length()).max().orElse(10);
    for (ReplCommand command : table.commands()) {
      lines.add(new AttributedString(String.format("  %-" + width + "s  %s", command.usage(), command.summary())));
      data.add(JsonData.map("command", command.name(), "usage", command.usage(), "summary", command.summary()));
    }
    lines.add(new AttributedString("Expressions: locals, this's fields, Type.STATIC, a.b, a[i], m[\"k\"], "
        + "a.m(x, \"s\", 'c', [1, 2]), == != < <= > >= && || ! + - * / %, instanceof, (…)"));
    return Reply.of(lines, JsonData.map("commands", data));
  }
}
