package dev.rdb.cli.repl;

/** Where results go: text for people, or JSON lines for tools. */
public interface Console {
  /** Shows one command's result. */
  void show(Result result);

  /** A line of information that is not a command result (banner, warnings); text consoles only. */
  void info(String line);
}
