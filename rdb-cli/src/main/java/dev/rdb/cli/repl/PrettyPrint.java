package dev.rdb.cli.repl;

import java.util.List;
import org.jline.utils.AttributedString;

/** {@code pp EXPR}: evaluate and print as an indented tree, down to the depth limit. */
final class PrettyPrint implements ReplCommand {
  @Override
  public String name() {
    return "pp";
  }

  @Override
  public String usage() {
    return "pp EXPR";
  }

  @Override
  public String summary() {
    return "evaluate EXPR and print it expanded, one member per line";
  }

  @Override
  public Reply run(Session session, String argument) {
    Print.Evaluated e = Print.evaluate(session, Arguments.expression(name(), argument), session.limits().depth());
    List<AttributedString> lines = session.renderer().expanded(e.value(), e.graph());
    return Reply.of(lines, Print.data(argument, e, lines.stream().map(AttributedString::toString).toList()));
  }
}
