package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.ThreadInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rdb dump}: the post-mortems of a target written in the dump formats — a JSON document
 * (docs/DUMP-FORMAT.md) and the text beside it — so {@code rdb open} reads them back. Works over
 * any {@link Debuggee}; over a live agent the graph walk costs one exchange per captured frame and
 * one per level of objects (in batches), whatever the number of objects.
 */
public final class DumpExport {
  private final Debuggee debuggee;
  private final DumpLimits limits;
  private final Map<String, Object> jvm;
  private final GraphWalk walk;
  private List<PostMortemSummary> summaries;
  private List<ThreadInfo> threads;

  /** @param jvm facts about the target for the dump's {@code jvm} member */
  public DumpExport(Debuggee debuggee, DumpLimits limits, Map<String, Object> jvm) {
    this.debuggee = debuggee;
    this.limits = limits;
    this.jvm = Map.copyOf(jvm);
    this.walk = new GraphWalk(debuggee, limits);
  }

  /** The target's post-mortems (fetched once). */
  public List<PostMortemSummary> postMortems() {
    if (summaries == null) {
      summaries = debuggee.postMortems();
    }
    return summaries;
  }

  /**
   * One {@code <time>-<exception type>-<id>.json} and {@code .txt} per post-mortem in {@code dir}
   * (created if needed), each with its own budget, as the agent names its dumps. Returns the files.
   */
  public List<Path> writeDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (PostMortemSummary summary : postMortems()) {
      Path json = dir.resolve(fileName(summary) + ".json");
      write(List.of(summary), json);
      written.add(json);
      written.add(textFile(json));
    }
    return written;
  }

  /** All post-mortems in one dump {@code json}, its text beside it. Returns the files. */
  public List<Path> writeFile(Path json) throws IOException {
    Path parent = json.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    write(postMortems(), json);
    return List.of(json, textFile(json));
  }

  /** All post-mortems as one JSON document on {@code out}. */
  public void writeJson(OutputStream out) throws IOException {
    json(postMortems()).write(out);
  }

  /** All post-mortems in the text layout. */
  public String text() throws IOException {
    Path temp = Files.createTempFile("rdb-dump-", ".json");
    try {
      write(postMortems(), temp, false);
      return DumpText.of(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** {@code x.json} → {@code x.txt}. */
  static Path textFile(Path json) {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(base + ".txt");
  }

  private void write(List<PostMortemSummary> which, Path json) throws IOException {
    write(which, json, true);
  }

  private void write(List<PostMortemSummary> which, Path json, boolean withText) throws IOException {
    try (OutputStream out = Files.newOutputStream(json)) {
      json(which).write(out);
    }
    if (withText) {
      Files.writeString(textFile(json), DumpText.of(json), StandardCharsets.UTF_8);
    }
  }

  private DumpJson json(List<PostMortemSummary> which) {
    List<PostMortem> postMortems = new ArrayList<>();
    for (PostMortemSummary summary : which) {
      postMortems.add(debuggee.postMortem(summary.id()));
    }
    if (threads == null) {
      threads = debuggee.threads();
    }
    return new DumpJson(walk.capture(postMortems, threads), limits, jvm);
  }

  private static String fileName(PostMortemSummary summary) {
    String time = summary.time().replace(':', '-');
    String type = summary.exceptionType();
    String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    return (time.isEmpty() ? "" : time + "-") + simple.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + summary.id();
  }
}
