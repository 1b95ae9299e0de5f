package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive ({@code rdb-cli/target/rdb-KEY.jsa}): made by the first
 * session that ends well, never by one that fails, which would hold too few classes.
 */
class StartupArchiveIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Path TARGET = Launcher.ROOT.resolve("rdb-cli/target");
  private static final Path DUMP = Launcher.ROOT.resolve("rdb-cli/src/test/resources/dumps/shop.json");

  @TempDir Path home;

  @BeforeEach
  void withoutArchives() throws IOException {
    for (Path p : archiveFiles()) {
      Files.delete(p);
    }
  }

  @Test
  void aFailedFirstSessionLeavesNoArchive() throws Exception {
    Launcher rdb = Launcher.start(home, "attach", "127.0.0.1:1");

    assertThat(rdb.await(LIMIT)).as("exit code; output:%n%s", rdb.output()).isEqualTo(2);
    assertThat(rdb.output()).contains("no token");
    assertThat(archiveFiles()).as("archives and partial archives").isEmpty();
  }

  @Test
  void theFirstSessionThatEndsWellMakesTheArchiveLaterStartsUse() throws Exception {
    Launcher failed = Launcher.start(home, "attach", "127.0.0.1:1");
    assertThat(failed.await(LIMIT)).isEqualTo(2);

    Launcher first = Launcher.start(home, "open", DUMP.toString(), "-c", "where");
    assertThat(first.await(LIMIT)).as("exit code; output:%n%s", first.output()).isZero();
    String firstOutput = first.output();
    List<Path> made = archiveFiles();
    assertThat(made).as("archives after the first good session").hasSize(1)
        .allMatch(p -> p.getFileName().toString().endsWith(".jsa"));

    Path classLoads = home.resolve("class-load.log");
    Launcher second = Launcher.startWithJavaOptions(home, "-Xlog:class+load:file=" + classLoads,
        "open", DUMP.toString(), "-c", "where");
    assertThat(second.await(LIMIT)).isZero();
    assertThat(second.output()).isEqualTo(firstOutput);
    List<String> loads = Files.readAllLines(classLoads);
    // A few classes can never be archived (picocli's, of class file version 49, and what links
    // against them), so the test asks for the entry point and the REPL, not for every class.
    assertThat(loads).as("classes loaded from the archive")
        .anyMatch(line -> line.contains(" dev.rdb.cli.Main source: shared objects file"))
        .anyMatch(line -> line.contains(" dev.rdb.cli.repl.") && line.contains("shared objects file"));
    assertThat(archiveFiles()).as("the same archive, kept").containsExactlyElementsOf(made);
  }

  private static List<Path> archiveFiles() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files.filter(p -> p.getFileName().toString().matches("rdb-\\d+\\.jsa.*"))
          .sorted().collect(Collectors.toList());
    }
  }
}
