package dev.rdb.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A demo JVM started by rdb that never outlives it: stopped (with its child processes) by
 * {@link #close()}, and by a shutdown hook when rdb itself ends on Ctrl-C or an error.
 *
 * <p>Its stdout and stderr are merged and read by one daemon thread, {@code rdb-demo-NAME}, that
 * writes every line to a log file and, while {@link #echo} is on, hands it to the echo consumer;
 * the pipe is always drained, so the child never blocks on a full pipe.
 *
 * <p>On a POSIX system the JVM starts with SIGINT ignored ({@code trap '' INT; exec java …}): Ctrl-C
 * at the REPL reaches every process of the terminal's foreground group, and must cancel a command
 * in rdb, not kill the target being debugged. The JVM keeps an inherited ignored SIGINT ignored;
 * {@link #close()} stops it with SIGTERM, then SIGKILL.
 */
public final class ChildJvm implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread shutdownHook;
  private final Deque<String> tail = new ArrayDeque<>();
  private volatile Consumer<String> echo;
  private volatile long lastOutputNanos = System.nanoTime();

  private ChildJvm(String name, Process process, Path log, Consumer<String> echo) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.echo = echo;
    this.shutdownHook = new Thread(this::destroyTree, "rdb-demo-stop-" + name);
  }

  /**
   * Starts {@code java} with {@code arguments}, the extra {@code environment}, stdin closed, output
   * to {@code log} and, until {@link #stopEcho()}, to {@code echo}.
   */
  public static ChildJvm start(String name, Path java, List<String> arguments, Map<String, String> environment,
      Path log, Consumer<String> echo) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/bin/sh"))) {
      command.addAll(List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\""));
    }
    command.add(java.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = builder.start();
    process.getOutputStream().close();
    ChildJvm child = new ChildJvm(name, process, log, echo);
    Runtime.getRuntime().addShutdownHook(child.shutdownHook);
    Thread pump = new Thread(child::pump, "rdb-demo-" + name);
    pump.setDaemon(true);
    pump.start();
    return child;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The exit status; only meaningful once {@link #alive()} is false. */
  public int exitValue() {
    return process.exitValue();
  }

  public Path log() {
    return log;
  }

  /** From now on the output only goes to the log. */
  public void stopEcho() {
    echo = null;
  }

  /**
   * Waits until the JVM printed nothing for {@code quiet}, at most {@code limit}: lets a stack trace
   * that is being printed finish before the REPL takes the terminal.
   */
  public void awaitQuiet(Duration quiet, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - lastOutputNanos < quiet.toNanos() && System.nanoTime() < deadline && alive()) {
      pause(Duration.ofMillis(50));
    }
  }

  /** Waits {@code time}, returning early when the JVM ends; true when it has ended. */
  public boolean pause(Duration time) {
    try {
      process.onExit().get(time.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !alive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !alive();
    }
  }

  /** The last lines the JVM printed (at most 40). */
  public List<String> tail() {
    synchronized (tail) {
      return new ArrayList<>(tail);
    }
  }

  /** Stops the JVM and its child processes, and waits for them. */
  @Override
  public void close() {
    destroyTree();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run, which is what we want anyway.
    }
  }

  private void destroyTree() {
    List<ProcessHandle> all = new ArrayList<>();
    process.descendants().forEach(all::add);
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : all) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pump() {
    Charset charset = StandardCharsets.UTF_8;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), charset));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, charset))) {
      String line;
      while ((line = in.readLine()) != null) {
        lastOutputNanos = System.nanoTime();
        file.println(line);
        file.flush();
        synchronized (tail) {
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
        }
        Consumer<String> to = echo;
        if (to != null) {
          to.accept(line);
        }
      }
    } catch (IOException e) {
      // The pipe closed under us (the JVM was killed) or the log cannot be written: the child
      // must not block on a full pipe, so drain what is left without keeping it.
      try {
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // The pipe is gone: nothing left to drain.
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
