package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.debuggee.Debuggee;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.ObjectPort;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.PostMortemSummary;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TargetLostException;
import dev.rdb.cli.debuggee.ThreadInfo;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.cli.dump.Dumps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven through a JLine dumb terminal over in-memory streams. */
class ReplTest {
  @TempDir Path home;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private String terminalType = Terminal.TYPE_DUMB;

  private Terminal terminal(InputStream in) throws IOException {
    Terminal terminal = new DumbTerminal("test", terminalType, in, output, StandardCharsets.UTF_8);
    terminal.setSize(new Size(100, 40));
    return terminal;
  }

  private Path history() {
    return home.resolve(".rdb/history");
  }

  private String run(Debuggee debuggee, String typed) throws IOException {
    return run(debuggee, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
  }

  private String run(Debuggee debuggee, InputStream in) throws IOException {
    Session session = new Session(debuggee, List.of());
    session.selectNewest();
    Interpreter interpreter = new Interpreter(session, new CommandTable());
    try (Terminal terminal = terminal(in)) {
      LineReader reader = ReplReaderFactory.reader(terminal, interpreter, history());
      boolean colours = ReplReaderFactory.colours(terminal, Map.of());
      Console console = new TextConsole(terminal.writer(), terminal.writer(),
          colours ? line -> line.toAnsi(terminal) : Object::toString, ReplReaderFactory.pager(terminal), false);
      new Repl(reader, interpreter, console).run();
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void promptShowsPostMortemAndFrameAndCommandsRun() throws IOException {
    String screen = run(Dumps.shop(), "where\nup\nquit\n");
    assertThat(screen).contains("rdb #2 0:Order.check> ").contains("->  #0 * at com.acme.Order.check(Order.java:42)")
        .contains("rdb #2 1:Shop.checkout> ");
  }

  @Test
  void bangIsNegationNotHistoryExpansion() throws IOException {
    String screen = run(Dumps.shop(), "p !exact\np !!exact\n");
    assertThat(screen).contains("boolean true").contains("boolean false").doesNotContain("event not found");
  }

  @Test
  void unclosedQuotesReachTheParserInsteadOfAContinuationPrompt() throws IOException {
    String screen = run(Dumps.shop(), "p \"abc\nwhere\n");
    assertThat(screen).contains("error: syntax error at column 1:").contains("^ unterminated string")
        .contains("->  #0 * at");
  }

  @Test
  void ctrlDQuitsAndHistoryPersists() throws IOException {
    run(Dumps.shop(), "locals\np id\n");
    assertThat(Files.readString(history())).contains("locals").contains("p id");
  }

  @Test
  void unknownCommandsGetAOneLineHint() throws IOException {
    String screen = run(Dumps.shop(), "wher\n");
    assertThat(screen).contains("error: unknown command 'wher': did you mean 'where'?").doesNotContain("Exception");
  }

  @Test
  void tabCompletesCommandsAndMembers() throws IOException {
    // JLine edits lines (and so completes) only when the terminal type is not "dumb".
    terminalType = "ansi";
    String screen = run(Dumps.shop(), "wh\t\np custo\t.na\t\n");
    assertThat(screen).contains("Post-mortem #2").contains("\"Ada\"");
  }

  @Test
  void aDumbTerminalGetsNoEscapeSequences() throws IOException {
    String screen = run(Dumps.shop(), "locals\nwhere\np status\n");
    assertThat(screen).doesNotContain("\u001b[");
  }

  @Test
  void coloursAreOffForNoColorAndDumbTerminalsOnly() throws IOException {
    try (Terminal dumb = terminal(InputStream.nullInputStream());
        Terminal xterm = new DumbTerminal("x", "xterm-256color", InputStream.nullInputStream(), output, StandardCharsets.UTF_8)) {
      assertThat(ReplReaderFactory.colours(dumb, Map.of())).isFalse();
      assertThat(ReplReaderFactory.colours(xterm, Map.of())).isTrue();
      assertThat(ReplReaderFactory.colours(xterm, Map.of("NO_COLOR", "1"))).isFalse();
      assertThat(ReplReaderFactory.pager(dumb)).isSameAs(Pager.NONE);
    }
  }

  @Test
  void ctrlCCancelsTheRunningCommandNotTheSession() throws Exception {
    BlockingLocals debuggee = new BlockingLocals(Dumps.shop());
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys);
    Session session = new Session(debuggee, List.of());
    session.selectNewest();
    Interpreter interpreter = new Interpreter(session, new CommandTable());
    try (Terminal terminal = terminal(in)) {
      LineReader reader = ReplReaderFactory.reader(terminal, interpreter, history());
      Console console = new TextConsole(terminal.writer(), terminal.writer(), Object::toString, Pager.NONE, false);
      Thread repl = new Thread(() -> new Repl(reader, interpreter, console).run(), "rdb-test-repl");
      repl.start();
      keys.write("locals\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      assertThat(debuggee.entered.await(10, TimeUnit.SECONDS)).as("locals started").isTrue();
      terminal.raise(Terminal.Signal.INT);
      keys.write("where\nquit\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      repl.join(Duration.ofSeconds(10).toMillis());
      assertThat(repl.isAlive()).as("the REPL ended on quit").isFalse();
    }
    String screen = output.toString(StandardCharsets.UTF_8);
    assertThat(screen).contains("error: cancelled").contains("->  #0 * at com.acme.Order.check");
  }

  @Test
  void aLostTargetEndsTheReplWithOneLine() throws IOException {
    LostTarget lost = new LostTarget(Dumps.shop());
    String screen = run(lost, "locals\nwhere\n");
    assertThat(screen).contains("error: 127.0.0.1:7777: connection closed by agent").doesNotContain("->  #0");
  }

  /** A target whose connection drops at the first locals. */
  private static final class LostTarget implements Debuggee {
    private final DumpDebuggee delegate;

    LostTarget(DumpDebuggee delegate) {
      this.delegate = delegate;
    }

    @Override
    public FrameLocals locals(int postMortemId, int frameIndex, int depth) {
      throw new TargetLostException("127.0.0.1:7777: connection closed by agent", null);
    }

    @Override public String name() { return delegate.name(); }
    @Override public boolean live() { return true; }
    @Override public List<PostMortemSummary> postMortems() { return delegate.postMortems(); }
    @Override public PostMortem postMortem(int id) { return delegate.postMortem(id); }
    @Override public List<ThreadInfo> threads() { return delegate.threads(); }
    @Override public ObjectPort objects() { return delegate.objects(); }
    @Override public void close() {}
  }

  /** A target whose locals block until the calling thread is interrupted, like a slow remote call. */
  private static final class BlockingLocals implements Debuggee {
    final CountDownLatch entered = new CountDownLatch(1);
    private final DumpDebuggee delegate;

    BlockingLocals(DumpDebuggee delegate) {
      this.delegate = delegate;
    }

    @Override
    public FrameLocals locals(int postMortemId, int frameIndex, int depth) {
      entered.countDown();
      try {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        throw new TargetException("timed out");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("interrupted");
      }
    }

    @Override public String name() { return delegate.name(); }
    @Override public boolean live() { return false; }
    @Override public List<PostMortemSummary> postMortems() { return delegate.postMortems(); }
    @Override public PostMortem postMortem(int id) { return delegate.postMortem(id); }
    @Override public List<ThreadInfo> threads() { return delegate.threads(); }
    @Override public ObjectPort objects() { return delegate.objects(); }
    @Override public void close() {}
  }
}
