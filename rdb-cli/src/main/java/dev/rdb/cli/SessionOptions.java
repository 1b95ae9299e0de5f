package dev.rdb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of every command that opens a session (open, attach): scripting and output. */
final class SessionOptions {
  @Option(names = {"-c", "--commands"}, paramLabel = "COMMANDS",
      description = "Run these REPL commands (separated by ';') and exit, e.g. -c 'where; up; locals'.")
  String commands;

  @Option(names = "--script", paramLabel = "FILE",
      description = "Run the REPL commands in FILE (one per line, # starts a comment) and exit.")
  Path script;

  @Option(names = "--echo",
      description = "With -c or --script: print each command after a prompt before its output, as a transcript.")
  boolean echo;

  @Option(names = "--json", description = "Print each command's result as one JSON document per line.")
  boolean json;

  @Option(names = "--source-path", paramLabel = "PATH", split = "${sys:path.separator}",
      description = "Directories or source jars where 'list' looks for sources (separated by '${sys:path.separator}').")
  List<Path> sourcePath = new ArrayList<>();

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  boolean scripted() {
    return commands != null || script != null;
  }
}
