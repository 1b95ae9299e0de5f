package dev.rdb.cli.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;

/**
 * Where an agent listens: {@code HOST:PORT}, {@code [::1]:PORT} for IPv6 literals.
 *
 * @param host as the user wrote it, without brackets
 */
public record AgentAddress(String host, int port) {
  public AgentAddress {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range 1..65535: " + port);
    }
  }

  /** Parses {@code HOST:PORT}; the message of the exception is one line for the user. */
  public static AgentAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:7777, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("write an IPv6 address in brackets, e.g. [::1]:7777, got '" + text + "'");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port is not a number in '" + text + "'");
    }
    return new AgentAddress(host, port);
  }

  /** Whether the host is this machine (loopback, a wildcard, or one of its interfaces' addresses). */
  public boolean isThisMachine() {
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress() || address.isAnyLocalAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (UnknownHostException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code host:port}, with brackets around an IPv6 literal. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
