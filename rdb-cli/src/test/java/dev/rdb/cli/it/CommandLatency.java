package dev.rdb.cli.it;

import dev.rdb.cli.live.AgentAddress;
import dev.rdb.cli.live.AgentConnector;
import dev.rdb.cli.live.LiveDebuggee;
import dev.rdb.cli.repl.CommandTable;
import dev.rdb.cli.repl.Interpreter;
import dev.rdb.cli.repl.Result;
import dev.rdb.cli.repl.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures per-command latency and round trips of the REPL against a live agent (not a test: a
 * tool for docs/BENCHMARKS.md). Each run opens a fresh session over one connection, so every
 * command pays what it pays the first time in a session; later repeats are served from the
 * session's cache.
 *
 * <pre>
 * java -cp rdb-cli/target/rdb.jar:rdb-cli/target/test-classes dev.rdb.cli.it.CommandLatency HOST:PORT [RUNS] [COMMAND;…]
 * </pre>
 */
public final class CommandLatency {
  private static final String DEFAULT = "exceptions; pm 1; where; locals; up; locals; p cart.lines[1].quantity == 0; "
      + "p cart.customer.length(); p cart.lines; pp cart; fields cart; threads";

  private CommandLatency() {}

  public static void main(String[] args) {
    AgentAddress address = AgentAddress.parse(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    List<String> commands = Arrays.stream((args.length > 2 ? args[2] : DEFAULT).split(";")).map(String::strip).toList();
    var request = new AgentConnector.Request(address, null, false, Path.of(System.getProperty("user.home")),
        System.getenv(), Duration.ofSeconds(30));
    Map<String, List<Long>> nanos = new LinkedHashMap<>();
    Map<String, Long> trips = new LinkedHashMap<>();
    try (LiveDebuggee debuggee = AgentConnector.attach(request, System.err::println)) {
      for (int run = 0; run < runs; run++) {
        Interpreter repl = new Interpreter(new Session(debuggee, List.of()), new CommandTable());
        for (String command : commands) {
          long before = debuggee.connection().stats().roundTrips();
          long start = System.nanoTime();
          Result result = repl.run(command);
          long took = System.nanoTime() - start;
          if (!result.ok()) {
            throw new IllegalStateException(command + ": " + result.failure().message());
          }
          nanos.computeIfAbsent(command, c -> new ArrayList<>()).add(took);
          trips.put(command, debuggee.connection().stats().roundTrips() - before);
        }
      }
    }
    System.out.printf("| command | round trips | median | p90 |%n|---|---|---|---|%n");
    nanos.forEach((command, samples) -> {
      List<Long> warm = new ArrayList<>(samples.subList(samples.size() / 2, samples.size()));
      warm.sort(null);
      System.out.printf("| `%s` | %d | %.2f ms | %.2f ms |%n", command, trips.get(command),
          warm.get(warm.size() / 2) / 1e6, warm.get(warm.size() * 9 / 10) / 1e6);
    });
  }
}
