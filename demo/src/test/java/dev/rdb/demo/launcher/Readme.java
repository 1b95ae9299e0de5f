package dev.rdb.demo.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The shell commands of README.md: every line of its {@code ```sh} blocks, block by block. */
final class Readme {
  private Readme() {}

  static List<List<String>> shellBlocks() throws IOException {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(Launcher.ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
      if (current == null && line.strip().equals("```sh")) {
        current = new ArrayList<>();
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null && !line.isBlank()) {
        current.add(line.strip());
      }
    }
    return blocks;
  }

  static List<String> commands() throws IOException {
    return shellBlocks().stream().flatMap(List::stream).toList();
  }

  /** The block that holds {@code line}. */
  static List<String> blockWith(String line) throws IOException {
    return shellBlocks().stream().filter(b -> b.contains(line)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no sh block with: " + line));
  }
}
