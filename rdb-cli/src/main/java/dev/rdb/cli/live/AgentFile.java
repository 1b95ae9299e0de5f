package dev.rdb.cli.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent writes to {@code ~/.rdb/agents/<pid>.json} while it listens (the agent's
 * {@code dev.rdb.agent.serve.AgentFile}; format 1): how a debugger on this machine finds it and,
 * when the agent generated its token, proves it may attach. {@code token} is null when the token
 * was given as an agent option; {@code fingerprint} is the TLS certificate's SHA-256 (upper-case
 * hex, colon-separated) when {@code tls}; {@code startedAt}, when the agent wrote the file, is null
 * when the file does not say.
 */
public record AgentFile(Path path, long pid, String host, int port, String token, boolean tls,
    String fingerprint, String policy, String mainClass, String agentVersion, String javaVersion,
    Instant startedAt) {

  /** The format version this reader knows. */
  static final int FORMAT = 1;
  /**
   * How far a process's start may seem to follow its own agent's file and still be that JVM: the
   * OS reports start times coarsely (Linux to the boot second) and the clock may step meanwhile.
   */
  static final Duration START_SLACK = Duration.ofSeconds(2);

  /** {@code <home>/.rdb/agents}. */
  public static Path directory(Path home) {
    return home.resolve(".rdb").resolve("agents");
  }

  /** Every readable agent file under {@code home}; unreadable or foreign files are skipped. */
  public static List<AgentFile> all(Path home) {
    Path dir = directory(home);
    List<AgentFile> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        read(file).ifPresent(out::add);
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** The agent file of process {@code pid}, if there is a readable one. */
  public static Optional<AgentFile> ofPid(Path home, long pid) {
    return read(directory(home).resolve(pid + ".json"));
  }

  /**
   * The agent on this machine listening on {@code address}'s port. Files of dead processes (left
   * by a {@code kill -9}) are ignored.
   */
  public static Optional<AgentFile> forAddress(Path home, AgentAddress address) {
    if (!address.isThisMachine()) {
      return Optional.empty();
    }
    for (AgentFile file : all(home)) {
      if (file.port() == address.port() && file.alive()) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the JVM that wrote the file still runs: its pid is a live process that did not start
   * after the file was written (a later one got the pid of a JVM that was killed).
   */
  public boolean alive() {
    return liveProcess().filter(p -> reusedBy(p).isEmpty()).isPresent();
  }

  private Optional<ProcessHandle> liveProcess() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  /** When {@code process} started, if that is after this file was written: it only reuses the pid. */
  private Optional<Instant> reusedBy(ProcessHandle process) {
    if (startedAt == null) {
      return Optional.empty();
    }
    return process.info().startInstant().filter(start -> start.isAfter(startedAt.plus(START_SLACK)));
  }

  /**
   * The agent file of live process {@code pid}, which the user named to attach to.
   *
   * @throws ConnectFailedException with one line naming the pid when there is no such process, no
   *     file, a file of a JVM that is gone, or a file that cannot be used (and why)
   */
  public static AgentFile forPid(Path home, long pid) {
    Path path = directory(home).resolve(pid + ".json");
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    if (!Files.exists(path)) {
      if (!alive) {
        throw new ConnectFailedException("no process with pid " + pid + " on this machine" + portHint(home, pid)
            + "; `rdb ps` lists the JVMs with an agent");
      }
      throw new ConnectFailedException("no rdb agent found for pid " + pid + " (no " + path + "; an agent started"
          + " with port=off writes none)" + portHint(home, pid) + "; `rdb ps` lists the JVMs with an agent");
    }
    if (!alive) {
      throw stale(pid, path, "is gone");
    }
    AgentFile file;
    try {
      file = load(path);
    } catch (IOException e) {
      throw new ConnectFailedException("cannot use the agent file of pid " + pid + ": " + path + " " + e.getMessage(), e);
    }
    if (file.pid() != pid) {
      throw new ConnectFailedException("cannot use the agent file of pid " + pid + ": " + path + " is for pid "
          + file.pid());
    }
    Optional<Instant> reused = file.liveProcess().flatMap(file::reusedBy);
    if (reused.isPresent()) {
      throw stale(pid, path, "is gone: pid " + pid + " is now a process started at " + reused.get()
          + ", after the agent wrote its file at " + file.startedAt());
    }
    return file;
  }

  private static ConnectFailedException stale(long pid, Path path, String why) {
    return new ConnectFailedException("the JVM with pid " + pid + " " + why + "; its agent file " + path
        + " is stale (left by a kill -9?); `rdb ps` lists the JVMs with an agent");
  }

  /** When a live agent listens on port {@code number}, the user probably meant that port. */
  private static String portHint(Path home, long number) {
    if (number > 65_535) {
      return "";
    }
    for (AgentFile file : all(home)) {
      if (file.port() == number && file.alive()) {
        return "; to attach by port write " + file.address();
      }
    }
    return "";
  }

  /** Where to connect: {@code host} and {@code port}, loopback for a wildcard bind address. */
  public AgentAddress address() {
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
    return new AgentAddress(wildcard ? "127.0.0.1" : host, port);
  }

  /**
   * Reads one file; empty when it is unreadable, malformed, of an unknown format, or not private to
   * this user (another user's file, or one others may read, is not trusted for a token).
   */
  static Optional<AgentFile> read(Path file) {
    try {
      return Optional.of(load(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads one file, or throws an {@link IOException} whose message says in a few words why it cannot
   * be used (to be put after the file's path).
   */
  static AgentFile load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("is not a regular file");
    }
    checkPrivateToThisUser(file);
    long pid = -1;
    int port = -1;
    int format = -1;
    boolean tls = false;
    String host = null;
    String token = null;
    String fingerprint = null;
    String policy = null;
    String mainClass = null;
    String agentVersion = null;
    String javaVersion = null;
    String startedAt = null;
    boolean object;
    try (InputStream in = Files.newInputStream(file); JsonParser json = new JsonFactory().createParser(in)) {
      object = json.nextToken() == JsonToken.START_OBJECT;
      while (object && json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          json.skipChildren();
          continue;
        }
        String text = value == JsonToken.VALUE_NULL ? null : json.getText();
        switch (name) {
          case "format" -> format = json.getIntValue();
          case "pid" -> pid = json.getLongValue();
          case "port" -> port = json.getIntValue();
          case "host" -> host = text;
          case "token" -> token = text;
          case "tls" -> tls = value == JsonToken.VALUE_TRUE;
          case "fingerprint" -> fingerprint = text;
          case "policy" -> policy = text;
          case "mainClass" -> mainClass = text;
          case "agentVersion" -> agentVersion = text;
          case "javaVersion" -> javaVersion = text;
          case "startedAt" -> startedAt = text;
          default -> { }
        }
      }
    } catch (JsonProcessingException e) {
      throw new IOException("is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("?"), e);
    } catch (RuntimeException e) {
      throw new IOException("is malformed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot be read: " + e.getMessage(), e);
    }
    if (!object) {
      throw new IOException("is not a JSON object");
    }
    if (format == -1) {
      throw new IOException("has no \"format\"");
    }
    if (format != FORMAT) {
      throw new IOException("is in format " + format + "; this rdb reads format " + FORMAT
          + " (is rdb older than the agent?)");
    }
    if (pid < 0 || port < 1 || port > 65_535) {
      throw new IOException("has no valid pid and port");
    }
    return new AgentFile(file, pid, host == null || host.isEmpty() ? "127.0.0.1" : host, port, token, tls, fingerprint,
        policy, mainClass, agentVersion, javaVersion, instant(startedAt));
  }

  private static Instant instant(String text) throws IOException {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IOException("has a \"startedAt\" that is no instant: " + text, e);
    }
  }

  private static void checkPrivateToThisUser(Path file) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions;
    String owner;
    try {
      permissions = Files.getPosixFilePermissions(file);
      owner = Files.getOwner(file).getName();
    } catch (IOException | UnsupportedOperationException e) {
      throw new IOException("cannot be checked for its owner and permissions: " + e.getMessage(), e);
    }
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new IOException("belongs to " + owner + ", not to you: not trusted");
    }
    if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException("may be read or written by others (" + PosixFilePermissions.toString(permissions)
          + "): not trusted; the agent writes it 0600");
    }
  }

  @Override
  public String toString() {
    return "AgentFile[" + path + ", pid " + pid + ", " + host + ":" + port + "]";
  }
}
