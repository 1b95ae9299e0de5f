package hardening;

import dev.rdb.agent.Rdb;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.console.ConsoleLauncher;
import org.junit.platform.console.command.CommandResult;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a library's own tests with the JUnit Platform console launcher in this JVM, then writes what
 * ran and the agent's counters to a tab-separated report: {@code count NAME N}, {@code failed ID},
 * {@code counter NAME N}, {@code postMortems N}. Arguments: the report path, then the console
 * launcher's own arguments. Exits with the launcher's exit code.
 */
public final class SuiteLauncher {

  private SuiteLauncher() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args[0]);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    CommandResult<?> result = ConsoleLauncher.run(out, err, Arrays.copyOfRange(args, 1, args.length));
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<String> lines = new ArrayList<>();
    lines.add("millis\t" + millis);
    Object value = result.getValue().orElse(null);
    if (value instanceof TestExecutionSummary) {
      TestExecutionSummary s = (TestExecutionSummary) value;
      lines.add("count\tfound\t" + s.getTestsFoundCount());
      lines.add("count\tstarted\t" + s.getTestsStartedCount());
      lines.add("count\tsucceeded\t" + s.getTestsSucceededCount());
      lines.add("count\tfailed\t" + s.getTestsFailedCount());
      lines.add("count\taborted\t" + s.getTestsAbortedCount());
      lines.add("count\tskipped\t" + s.getTestsSkippedCount());
      s.getFailures().stream()
          .map(f -> "failed\t" + f.getTestIdentifier().getUniqueId())
          .sorted()
          .forEach(lines::add);
    }
    for (Map.Entry<String, Long> c : Rdb.counters().entrySet()) {
      lines.add("counter\t" + c.getKey() + "\t" + c.getValue());
    }
    lines.add("postMortems\t" + Rdb.postMortems().size());
    Files.write(report, lines, StandardCharsets.UTF_8);
    System.exit(result.getExitCode());
  }
}
