package dev.rdb.cli.repl;

import java.util.List;

/**
 * One REPL command. The first word of a line picks it; the raw rest of the line, trimmed, is its
 * argument, so {@code p a.b("x y") && !c} reaches the expression parser untouched.
 */
sealed interface ReplCommand
    permits Exceptions, SelectPostMortem, Where, Up, Down, SelectFrame, Locals, Args, Print,
        PrettyPrint, Fields, ListSource, Threads, Cause, SetLimit, Help, Quit {

  String name();

  default List<String> aliases() {
    return List.of();
  }

  /** How to call it: {@code p EXPR}. */
  String usage();

  /** One line saying what it does. */
  String summary();

  Reply run(Session session, String argument);
}
