package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** {@code threads}: the target's threads with state and top frame. */
final class Threads implements ReplCommand {
  @Override
  public String name() {
    return "threads";
  }

  @Override
  public String usage() {
    return "threads";
  }

  @Override
  public String summary() {
    return "list the target's threads";
  }

  @Override
  public Reply run(Session session, String argument) {
    Arguments.none(name(), argument);
    List<ThreadInfo> threads = session.debuggee().threads();
    if (threads.isEmpty()) {
      return Reply.text("no threads recorded in " + session.debuggee().name(), JsonData.map("threads", List.of()));
    }
    int nameWidth = threads.stream().mapToInt(t -> t.name().length()).max().orElse(4);
    List<AttributedString> lines = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    for (ThreadInfo t : threads) {
      String top = t.stack().isEmpty() ? "" : "at " + t.stack().get(0);
      lines.add(new AttributedString(String.format("%-" + nameWidth + "s  %-13s %-6s  %s",
          t.name(), t.state(), t.daemon() ? "daemon" : "", top).stripTrailing()));
      data.add(JsonData.map("name", t.name(), "state", t.state(), "daemon", t.daemon(), "stack", t.stack()));
    }
    return Reply.of(lines, JsonData.map("threads", data));
  }
}
