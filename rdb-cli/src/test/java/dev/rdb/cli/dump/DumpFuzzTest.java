package dev.rdb.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whatever bytes a dump file holds, opening and walking it either works or fails with one line
 * (DumpFormatException or TargetException), never with another exception. Seeds under
 * src/test/resources/dev/rdb/cli/dump/DumpFuzzTestInputs run in every build.
 */
class DumpFuzzTest {
  private static final Path FILE = tempFile();

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("rdb-fuzz-", ".json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void corruptDumpsFailWithOneLine(byte[] bytes) throws IOException {
    Files.write(FILE, bytes);
    try {
      DumpDebuggee dump = DumpDebuggee.open(FILE);
      for (PostMortemSummary summary : dump.postMortems()) {
        var pm = dump.postMortem(summary.id());
        for (int frame = 0; frame < pm.frames().size(); frame++) {
          dump.locals(summary.id(), frame, 3);
        }
      }
    } catch (TargetException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }
}
