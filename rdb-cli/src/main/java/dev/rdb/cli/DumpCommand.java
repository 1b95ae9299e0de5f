package dev.rdb.cli;

import dev.rdb.cli.live.DumpExport;
import dev.rdb.cli.live.DumpLimits;
import dev.rdb.cli.live.LiveDebuggee;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdb dump PID|HOST:PORT}: a live agent's post-mortems written as dumps that {@code rdb open} reads. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Fetch every post-mortem of a live agent in the dump formats (docs/DUMP-FORMAT.md): "
        + "JSON, and text laid out as the REPL's where + locals of every captured frame.",
        "Without -o the text (or with --json the JSON) goes to stdout. With -o DIR: one .json and .txt per "
            + "post-mortem in DIR; with -o FILE.json: all in FILE.json and FILE.txt. Objects are written down to "
            + "3 references from a local, 100 elements, 1,000 characters, 50 fields and 1 MiB per dump, nearest first."})
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AgentTarget agent;

  @Option(names = "--json", description = "Print the JSON document instead of the text (without -o).")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
      description = "Write files: FILE.json gets every post-mortem; any other name is a directory (created if "
          + "needed) that gets a .json and .txt pair per post-mortem.")
  String output;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (LiveDebuggee debuggee = agent.attach(err)) {
      DumpExport export = new DumpExport(debuggee, DumpLimits.DEFAULT, jvm(debuggee));
      if (export.postMortems().isEmpty()) {
        err.println("rdb: " + debuggee.name() + ": the target has no post-mortem");
        err.flush();
        return Exit.NO_POST_MORTEM.code();
      }
      if (output == null) {
        if (json) {
          ByteArrayOutputStream document = new ByteArrayOutputStream();
          export.writeJson(document);
          spec.commandLine().getOut().println(document.toString(StandardCharsets.UTF_8));
        } else {
          spec.commandLine().getOut().print(export.text());
        }
        spec.commandLine().getOut().flush();
        return Exit.OK.code();
      }
      Path target = Path.of(output);
      boolean directory = Files.isDirectory(target) || !output.endsWith(".json");
      List<Path> files = directory ? export.writeDirectory(target) : export.writeFile(target);
      PrintWriter out = spec.commandLine().getOut();
      files.forEach(out::println);
      out.flush();
      return Exit.OK.code();
    }
  }

  private Map<String, Object> jvm(LiveDebuggee debuggee) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("agent", debuggee.name());
    facts.put("policy", debuggee.policy());
    agent.agentFile().ifPresent(file -> {
      facts.put("pid", file.pid());
      if (file.mainClass() != null) {
        facts.put("mainClass", file.mainClass());
      }
      if (file.javaVersion() != null) {
        facts.put("version", file.javaVersion());
      }
      if (file.agentVersion() != null) {
        facts.put("agentVersion", file.agentVersion());
      }
    });
    return facts;
  }
}
