package dev.rdb.agent.serve;

import java.util.List;

/**
 * A live thread as the debugger sees it: the contract of {@code docs/ARCHITECTURE.md}, section
 * "rdb-agent: the debuggee the CLI sees". No locals: only crashed frames have captured values.
 *
 * @param state {@link Thread.State} name
 * @param stack {@link StackTraceElement#toString()} of each frame, innermost first
 */
public record ThreadView(String name, String state, boolean daemon, List<String> stack) {

  public ThreadView {
    stack = List.copyOf(stack);
  }

  static ThreadView of(Thread thread, StackTraceElement[] frames) {
    String[] stack = new String[frames.length];
    for (int i = 0; i < frames.length; i++) {
      stack[i] = frames[i].toString();
    }
    return new ThreadView(thread.getName(), thread.getState().name(), thread.isDaemon(),
        List.of(stack));
  }
}
