package dev.rdb.cli.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/** Pages output taller than the terminal through JLine's less; used only on real terminals. */
final class LessPager implements Pager {
  private final Terminal terminal;

  LessPager(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public boolean page(List<AttributedString> lines) {
    int height = terminal.getHeight();
    if (height <= 0 || lines.size() < height - 1) {
      return false;
    }
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line.toAnsi(terminal)).append('\n'));
    try {
      Less less = new Less(terminal, Path.of("").toAbsolutePath());
      less.run(new Source.InputStreamSource(
          new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), true, "rdb"));
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
