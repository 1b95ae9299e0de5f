package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.ExceptionInfo;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.debuggee.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A {@link Debuggee} over one dump file, or over every {@code *.json} dump of a directory (then
 * post-mortems are renumbered 1…n in file-name order, and objects keep per-file ids).
 */
public final class DumpDebuggee implements Debuggee {
  private final String name;
  private final List<PostMortemRecord> postMortems;
  private final Map<Integer, PostMortemRecord> byId;
  private final List<ThreadInfo> threads;
  private final DumpObjects objects;
  private final List<String> warnings;

  private DumpDebuggee(String name, List<PostMortemRecord> postMortems, List<ThreadInfo> threads,
      DumpObjects objects, List<String> warnings) {
    this.name = name;
    this.postMortems = List.copyOf(postMortems);
    this.byId = new LinkedHashMap<>();
    for (PostMortemRecord record : postMortems) {
      byId.put(record.summary().id(), record);
    }
    this.threads = List.copyOf(threads);
    this.objects = objects;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Opens a dump file, or a directory of them. Unreadable files of a directory are skipped with a
   * warning ({@link #warnings()}); a directory without a readable dump is an error.
   */
  public static DumpDebuggee open(Path path) {
    if (Files.isDirectory(path)) {
      return openDirectory(path);
    }
    DumpFile file = DumpReader.read(path, "");
    return new DumpDebuggee("dump " + path.getFileName(), file.postMortems(), file.threads(),
        new DumpObjects(file.objects(), file.absentReasons()), List.of());
  }

  private static DumpDebuggee openDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted().toList();
    } catch (IOException e) {
      throw new TargetException(dir + ": cannot list directory: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new TargetException(dir + ": no *.json dump in this directory");
    }
    List<String> warnings = new ArrayList<>();
    List<PostMortemRecord> all = new ArrayList<>();
    List<ThreadInfo> threads = new ArrayList<>();
    Map<String, ObjectRecord> objects = new HashMap<>();
    Map<String, String> absent = new HashMap<>();
    for (int f = 0; f < files.size(); f++) {
      DumpFile file;
      try {
        file = DumpReader.read(files.get(f), f + "/");
      } catch (DumpFormatException e) {
        warnings.add("skipped " + e.getMessage());
        continue;
      }
      Map<Integer, Integer> renumbered = new HashMap<>();
      for (PostMortemRecord record : file.postMortems()) {
        renumbered.put(record.summary().id(), all.size() + renumbered.size() + 1);
      }
      for (PostMortemRecord record : file.postMortems()) {
        all.add(renumber(record, renumbered));
      }
      threads.addAll(file.threads());
      objects.putAll(file.objects());
      absent.putAll(file.absentReasons());
    }
    if (all.isEmpty() && warnings.size() == files.size()) {
      throw new DumpFormatException(dir + ": no readable dump (" + warnings.get(0) + ")");
    }
    return new DumpDebuggee("dumps in " + dir.getFileName(), all,
        files.size() == 1 ? threads : List.of(), new DumpObjects(objects, absent), warnings);
  }

  private static PostMortemRecord renumber(PostMortemRecord record, Map<Integer, Integer> ids) {
    PostMortem pm = record.postMortem();
    PostMortemSummary s = pm.summary();
    PostMortemSummary summary = new PostMortemSummary(ids.get(s.id()), s.time(), s.thread(), s.name(),
        s.exceptionType(), s.message(), s.frameCount(), s.origin());
    return new PostMortemRecord(
        new PostMortem(summary, renumber(pm.exception(), ids), pm.frames()), record.frames());
  }

  private static ExceptionInfo renumber(ExceptionInfo e, Map<Integer, Integer> ids) {
    if (e == null) {
      return null;
    }
    OptionalInt linked = e.postMortemId().isPresent() && ids.containsKey(e.postMortemId().getAsInt())
        ? OptionalInt.of(ids.get(e.postMortemId().getAsInt())) : OptionalInt.empty();
    return new ExceptionInfo(e.type(), e.message(), e.stack(), renumber(e.cause(), ids), linked);
  }

  /** Files of a directory that could not be read, one line each. */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean live() {
    return false;
  }

  @Override
  public List<PostMortemSummary> postMortems() {
    return postMortems.stream().map(PostMortemRecord::summary).toList();
  }

  @Override
  public PostMortem postMortem(int id) {
    return record(id).postMortem();
  }

  @Override
  public FrameLocals locals(int postMortemId, int frameIndex, int depth) {
    PostMortemRecord record = record(postMortemId);
    if (frameIndex < 0 || frameIndex >= record.frames().size()) {
      throw new TargetException("no frame " + frameIndex + " in post-mortem #" + postMortemId
          + " (it has " + record.frames().size() + ")");
    }
    List<Local> locals = record.frames().get(frameIndex).locals();
    List<Value.ObjectRef> refs = new ArrayList<>();
    for (Local local : locals) {
      if (local.value() instanceof Value.ObjectRef ref) {
        refs.add(ref);
      }
    }
    return new FrameLocals(locals, objects.describe(refs, depth));
  }

  @Override
  public List<ThreadInfo> threads() {
    return threads;
  }

  @Override
  public ObjectPort objects() {
    return objects;
  }

  @Override
  public void close() {
    // Everything was read into memory when the dump was opened; there is nothing to release.
  }

  private PostMortemRecord record(int id) {
    PostMortemRecord record = byId.get(id);
    if (record == null) {
      throw new TargetException("no post-mortem #" + id + " in " + name);
    }
    return record;
  }
}
