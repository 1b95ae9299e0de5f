package dev.rdb.agent.serve;

import java.io.PrintStream;

/**
 * {@code wait=SECONDS}: runs in the agent's shutdown hook. When the JVM is ending (its last
 * non-daemon thread died, {@code System.exit}, a signal) while it holds post-mortems no debugger has
 * seen since they arrived, or while a debugger is attached, it prints one line and keeps the JVM
 * alive until a debugger has attached and detached, or the time is up. Otherwise it returns at once
 * and the JVM exits as it always would.
 */
final class ExitWait {

  private final int seconds;
  private final Sessions sessions;
  private final String attachHint;
  private final PrintStream err;

  ExitWait(int seconds, Sessions sessions, String attachHint, PrintStream err) {
    this.seconds = seconds;
    this.sessions = sessions;
    this.attachHint = attachHint;
    this.err = err;
  }

  /** Waits as described; returns whether a debugger came and went while it waited. */
  boolean await() throws InterruptedException {
    if (seconds <= 0 || !sessions.debuggerWanted()) {
      return false;
    }
    long detachesBefore = sessions.detaches();
    err.println("rdb: the JVM is exiting; waiting up to " + seconds
        + " s for a debugger to attach and detach (" + attachHint + ")");
    return sessions.awaitDetach(detachesBefore, System.nanoTime() + seconds * 1_000_000_000L);
  }
}
