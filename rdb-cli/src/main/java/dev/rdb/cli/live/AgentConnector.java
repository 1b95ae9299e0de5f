package dev.rdb.cli.live;

import dev.rdb.core.AuthenticationException;
import dev.rdb.core.CallTimeoutException;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionClosedException;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.ProtocolException;
import dev.rdb.core.RdbException;
import dev.rdb.core.StreamChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Attaches to an agent: finds the token (the option, else {@code RDB_TOKEN}, else the agent file of
 * the process listening on that port of this machine; for an agent named by its pid, its file comes
 * before {@code RDB_TOKEN}), opens the socket, runs TLS when the agent
 * uses it (the certificate pinned on first use in {@code ~/.rdb/known_agents}), then rdb-core's
 * HELLO. Every failure is a {@link ConnectFailedException} whose message says what went wrong in
 * one line and, where it helps, what to do.
 */
public final class AgentConnector {
  /** The environment variable that holds a token when {@code --token} is not given. */
  public static final String TOKEN_VARIABLE = "RDB_TOKEN";
  private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  /**
   * What to attach to and how.
   *
   * @param token from {@code --token}, or null
   * @param tls true when {@code --tls} was given (the agent file may also say so)
   * @param home the user's home directory ({@code ~/.rdb} lives there)
   * @param environment where {@value #TOKEN_VARIABLE} is looked up
   * @param timeout connect, TLS handshake, HELLO, and then each call
   */
  public record Request(AgentAddress address, String token, boolean tls, Path home,
      Map<String, String> environment, Duration timeout) {}

  private AgentConnector() {}

  /** Connects and authenticates; {@code notes} receives one-line remarks for stderr (a new pin). */
  public static LiveDebuggee attach(Request request, Consumer<String> notes) {
    Optional<AgentFile> file = AgentFile.forAddress(request.home(), request.address());
    return attach(request, file, token(request, file, false), notes);
  }

  /**
   * Attaches to the agent that wrote {@code file}, the JVM the user named by its pid
   * ({@code request.address()} is the file's). Its token comes before {@value #TOKEN_VARIABLE}: a
   * variable set for some other agent must not shadow the token of the JVM the user named.
   */
  public static LiveDebuggee attach(Request request, AgentFile file, Consumer<String> notes) {
    return attach(request, Optional.of(file), token(request, Optional.of(file), true), notes);
  }

  private static LiveDebuggee attach(Request request, Optional<AgentFile> file, Token token, Consumer<String> notes) {
    AgentAddress address = request.address();
    boolean tls = request.tls() || file.map(AgentFile::tls).orElse(false);
    Socket socket = open(address, request.timeout());
    PinnedTrust trust = null;
    KnownAgents known = new KnownAgents(request.home());
    Optional<String> pinned = known.pinned(address);
    String fromFile = file.filter(AgentFile::tls).map(AgentFile::fingerprint).orElse(null);
    try {
      if (tls) {
        // The agent file is written by the agent itself, readable by this user only: it vouches for a new
        // self-signed certificate after a restart. Without it, the pin decides.
        trust = new PinnedTrust(fromFile != null ? fromFile : pinned.orElse(null));
        socket = handshake(socket, address, trust, pinned, known, request.timeout());
      }
      socket.setSoTimeout(0);
      Connection connection = hello(socket, token, request.timeout(), tls);
      if (trust != null) {
        pin(address, trust.seen(), pinned, known, notes, fromFile != null);
      }
      return LiveDebuggee.over(connection, address.toString());
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ConnectFailedException("connection failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /** A token and where it came from, for the message when it is refused. */
  private record Token(String value, String source) {}

  private static Token token(Request request, Optional<AgentFile> file, boolean fileFirst) {
    if (request.token() != null && !request.token().isEmpty()) {
      return new Token(request.token(), "--token");
    }
    Optional<Token> fromFile = file.filter(f -> f.token() != null)
        .map(f -> new Token(f.token(), "agent file " + f.path()));
    if (fileFirst && fromFile.isPresent()) {
      return fromFile.get();
    }
    String fromEnvironment = request.environment().get(TOKEN_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return new Token(fromEnvironment, TOKEN_VARIABLE);
    }
    if (fromFile.isPresent()) {
      return fromFile.get();
    }
    String why = file.isPresent()
        ? "the agent was started with token=…, so its file " + file.get().path() + " holds none"
        : request.address().isThisMachine() ? "no agent file for port " + request.address().port() + " in "
            + AgentFile.directory(request.home())
        : "agent files are only read for agents on this machine";
    throw new ConnectFailedException("no token: give --token or set " + TOKEN_VARIABLE + " (" + why + ")");
  }

  private static Socket open(AgentAddress address, Duration timeout) {
    Socket socket;
    try {
      // A channel's socket, which rdb-core writes without a thread hand-off (TLS layers over it).
      socket = SocketChannel.open().socket();
    } catch (IOException e) {
      throw new ConnectFailedException("cannot open a socket: " + e.getMessage(), e);
    }
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      return socket;
    } catch (UnknownHostException e) {
      closeQuietly(socket);
      throw new ConnectFailedException("unknown host " + address.host(), e);
    } catch (ConnectException e) {
      closeQuietly(socket);
      throw new ConnectFailedException("cannot connect: " + e.getMessage()
          + " (is a JVM with the rdb agent listening on port " + address.port() + "? 'rdb ps' lists them)", e);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new ConnectFailedException("cannot connect: no answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ConnectFailedException("cannot connect: " + e.getMessage(), e);
    }
  }

  private static Socket handshake(Socket socket, AgentAddress address, PinnedTrust trust, Optional<String> pinned,
      KnownAgents known, Duration timeout) throws IOException {
    SSLSocket secure;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
      secure = (SSLSocket) context.getSocketFactory().createSocket(socket, address.host(), address.port(), true);
    } catch (GeneralSecurityException e) {
      throw new ConnectFailedException("TLS is not available in this JVM: " + e.getMessage(), e);
    }
    secure.setEnabledProtocols(TLS_PROTOCOLS);
    secure.setUseClientMode(true);
    secure.setSoTimeout((int) timeout.toMillis());
    try {
      secure.startHandshake();
    } catch (SSLException e) {
      closeQuietly(secure);
      if (trust.refused()) {
        throw new ConnectFailedException("the agent's TLS certificate changed: it presents SHA-256 " + trust.seen()
            + " but " + pinned.orElse("?") + " is pinned in " + known.file() + " — if the agent was"
            + " restarted with a new certificate, forget the old one: " + known.forgetCommand(address));
      }
      throw new ConnectFailedException("TLS handshake failed: " + e.getMessage()
          + " (does the agent use TLS? it does with the option tls=on)", e);
    } catch (SocketTimeoutException e) {
      closeQuietly(secure);
      throw new ConnectFailedException("TLS handshake: no answer within " + timeout.toMillis() + " ms", e);
    }
    return secure;
  }

  private static Connection hello(Socket socket, Token token, Duration timeout, boolean tls) throws IOException {
    ConnectionOptions options = ConnectionOptions.builder().token(token.value()).name("rdb").callTimeout(timeout).build();
    try {
      return Connection.connect(StreamChannel.over(socket), options);
    } catch (AuthenticationException e) {
      throw new ConnectFailedException("authentication failed: wrong token (from " + token.source() + ")", e);
    } catch (ProtocolException e) {
      throw new ConnectFailedException("protocol error: " + e.getMessage(), e);
    } catch (CallTimeoutException e) {
      throw new ConnectFailedException("the agent did not answer the handshake within " + timeout.toMillis() + " ms"
          + (tls ? "" : " (if the agent uses TLS, add --tls)"), e);
    } catch (ConnectionClosedException e) {
      throw new ConnectFailedException("the agent closed the connection during the handshake: " + e.reason()
          + (tls ? "" : " (if the agent uses TLS, add --tls)"), e);
    } catch (RdbException e) {
      throw new ConnectFailedException("handshake failed: " + e.getMessage(), e);
    }
  }

  private static void pin(AgentAddress address, String seen, Optional<String> pinned, KnownAgents known,
      Consumer<String> notes, boolean vouchedByFile) {
    if (seen == null || pinned.isPresent() && pinned.get().equalsIgnoreCase(seen)) {
      return;
    }
    try {
      known.pin(address, seen);
      notes.accept(pinned.isPresent() && vouchedByFile
          ? "rdb: " + address + ": the agent file vouches for a new TLS certificate; pinned SHA-256 " + seen
          : "rdb: " + address + ": first TLS connection; pinned the agent's certificate SHA-256 " + seen + " in "
              + known.file());
    } catch (IOException e) {
      notes.accept("rdb: " + address + ": could not pin the TLS certificate in " + known.file() + ": " + e.getMessage());
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket that failed to connect or handshake: nothing more to do.
    }
  }
}
