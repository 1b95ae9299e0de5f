package dev.rdb.agent.serve;

import java.time.Duration;

/**
 * How much the listener lets clients take.
 *
 * @param maxClients sockets open at once, authenticated or not; more are closed on accept
 * @param handshake how long TLS and HELLO may take before the socket is closed
 * @param writeStall how long one write to a client may stay blocked before its session is closed
 * @param maxFrameBytes largest message accepted from or sent to a client
 */
record ListenerLimits(int maxClients, Duration handshake, Duration writeStall, int maxFrameBytes) {

  static final ListenerLimits DEFAULTS =
      new ListenerLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(15), 16 * 1024 * 1024);

  ListenerLimits {
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients < 1: " + maxClients);
    }
    if (handshake.isNegative() || handshake.isZero()) {
      throw new IllegalArgumentException("handshake <= 0: " + handshake);
    }
    if (writeStall.isNegative() || writeStall.isZero()) {
      throw new IllegalArgumentException("writeStall <= 0: " + writeStall);
    }
  }
}
