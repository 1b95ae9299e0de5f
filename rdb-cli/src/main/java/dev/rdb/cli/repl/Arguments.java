package dev.rdb.cli.repl;

/** Parsing of the few non-expression arguments commands take. */
final class Arguments {
  private Arguments() {}

  static void none(String command, String argument) {
    if (!argument.isEmpty()) {
      throw new CommandException(command + " takes no argument, got: " + argument);
    }
  }

  static int count(String command, String argument, int defaultValue) {
    return argument.isEmpty() ? defaultValue : integer(command, argument);
  }

  static int integer(String command, String argument) {
    String digits = argument.startsWith("#") ? argument.substring(1) : argument;
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new CommandException(command + " needs a number, got: " + argument);
    }
  }

  static String expression(String command, String argument) {
    if (argument.isEmpty()) {
      throw new CommandException(command + " needs an expression, e.g. " + command + " order.items[0]");
    }
    return argument;
  }
}
