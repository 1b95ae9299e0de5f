package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.FrameInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the source of a frame: on the {@code --source-path} entries (directories, or jars/zips of
 * sources), then in a {@code -sources.jar} beside the jar the class was loaded from.
 */
final class SourceFinder {
  private SourceFinder() {}

  /** The source file's lines and where they were found, or empty. */
  record Source(String location, List<String> lines) {}

  static Optional<Source> find(FrameInfo frame, List<Path> sourcePath) {
    if (frame.fileName() == null) {
      return Optional.empty();
    }
    String className = frame.className();
    int dot = className.lastIndexOf('.');
    String relative = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + frame.fileName();
    List<Path> candidates = new ArrayList<>(sourcePath);
    sourcesJarBeside(frame.codeSource()).ifPresent(candidates::add);
    for (Path entry : candidates) {
      Optional<Source> found = Files.isDirectory(entry) ? fromDirectory(entry, relative) : fromArchive(entry, relative);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The path looked up, for the "not found" message. */
  static String relativePath(FrameInfo frame) {
    int dot = frame.className().lastIndexOf('.');
    return (dot < 0 ? "" : frame.className().substring(0, dot).replace('.', '/') + "/") + frame.fileName();
  }

  private static Optional<Path> sourcesJarBeside(String codeSource) {
    if (codeSource.isEmpty() || !codeSource.endsWith(".jar")) {
      return Optional.empty();
    }
    Path sources = Path.of(codeSource.substring(0, codeSource.length() - 4) + "-sources.jar");
    return Files.isRegularFile(sources) ? Optional.of(sources) : Optional.empty();
  }

  private static Optional<Source> fromDirectory(Path dir, String relative) {
    Path file = dir.resolve(relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Source(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new CommandException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Optional<Source> fromArchive(Path archive, String relative) {
    if (!Files.isRegularFile(archive)) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry(relative);
      if (entry == null) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return Optional.of(new Source(archive + "!/" + relative, text.lines().toList()));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
