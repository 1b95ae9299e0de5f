package dev.rdb.agent.serve;

import java.util.regex.Pattern;

/**
 * Which stack frames mean a thread waits for its peer in a socket write, on JDK 17 to 25: a
 * {@code java.net} socket's (plain or under TLS), or rdb-core's wait for a non-blocking socket to
 * take more (relocated to {@code dev.rdb.agent.shaded.core} in the agent). A non-blocking channel
 * write, which returns at once ({@code SocketChannelImpl.write}), is not one.
 */
public final class SocketWrites {
  private static final Pattern BLOCKING_WRITE = Pattern.compile(
      "(java\\.net\\.Socket\\S*|sun\\.nio\\.ch\\.NioSocketImpl"
          + "|dev\\.rdb\\.(agent\\.shaded\\.)?core\\.NonBlockingSocket\\$Output)\\.\\w*(?i:write)\\(");

  private SocketWrites() {}

  /** Whether {@code frame} (as {@link StackTraceElement#toString()} prints it) waits in a write. */
  public static boolean waitsForThePeer(String frame) {
    return BLOCKING_WRITE.matcher(frame).find();
  }
}
