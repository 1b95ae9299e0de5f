package dev.rdb.agent.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dump directory: names ({@code <time>-<exception-type>-<id>.json} and {@code .txt} beside it)
 * and writes that a reader never sees half done (a temporary file, then an atomic rename).
 */
final class DumpFiles {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  DumpFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * A base name not used by another dump yet: {@code 20261125T225921.010Z-IllegalStateException-3}
   * ({@code -2}, {@code -3}… appended when another JVM writing to the same directory took it).
   */
  String freshName(String time, String exceptionType, int id) {
    String type = exceptionType.substring(exceptionType.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_$]", "_");
    String base = stamp(time) + "-" + type + "-" + id;
    String name = base;
    for (int n = 2; Files.exists(dir.resolve(name + ".json")) || Files.exists(dir.resolve(name + ".txt")); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private static String stamp(String isoInstant) {
    try {
      return TIME.format(Instant.parse(isoInstant));
    } catch (DateTimeParseException | NullPointerException e) {
      return TIME.format(Instant.now());
    }
  }

  /** Writes {@code name.txt}, then {@code name.json}, each complete or not at all. */
  void write(String name, String text, JsonBody json) throws IOException {
    Files.createDirectories(dir);
    Path txt = dir.resolve(name + ".txt");
    Path tmpTxt = dir.resolve(name + ".txt.tmp");
    Files.writeString(tmpTxt, text, StandardCharsets.UTF_8);
    move(tmpTxt, txt);
    Path out = dir.resolve(name + ".json");
    Path tmpJson = dir.resolve(name + ".json.tmp");
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(tmpJson), 64 * 1024)) {
      json.writeTo(stream);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmpJson);
      throw e;
    }
    move(tmpJson, out);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The JSON document, streamed. */
  interface JsonBody {
    void writeTo(OutputStream out) throws IOException;
  }
}
