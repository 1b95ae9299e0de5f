package dev.rdb.cli.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent writes to {@code ~/.rdb/agents/<pid>.json} while it listens (the agent's
 * {@code dev.rdb.agent.serve.AgentFile}; format 1): how a debugger on this machine finds it and,
 * when the agent generated its token, proves it may attach. {@code token} is null when the token
 * was given as an agent option; {@code fingerprint} is the TLS certificate's SHA-256 (upper-case
 * hex, colon-separated) when {@code tls}.
 */
public record AgentFile(Path path, long pid, String host, int port, String token, boolean tls,
    String fingerprint, String policy, String mainClass, String agentVersion, String javaVersion) {

  /** The format version this reader knows. */
  static final int FORMAT = 1;

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

  /** Whether the process that wrote the file still runs. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Reads one file; empty when it is unreadable, malformed, of an unknown format, or not private to
   * this user (another user's file, or one others may read, is not trusted for a token).
   */
  static Optional<AgentFile> read(Path file) {
    if (!Files.isRegularFile(file) || !privateToThisUser(file)) {
      return Optional.empty();
    }
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
    try (InputStream in = Files.newInputStream(file); JsonParser json = new JsonFactory().createParser(in)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
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
          default -> { }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (format != FORMAT || pid < 0 || port < 1 || port > 65_535) {
      return Optional.empty();
    }
    return Optional.of(new AgentFile(file, pid, host == null ? "127.0.0.1" : host, port, token, tls, fingerprint,
        policy, mainClass, agentVersion, javaVersion));
  }

  private static boolean privateToThisUser(Path file) {
    try {
      if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        return true;
      }
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      boolean othersMayRead = permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE);
      return !othersMayRead && Files.getOwner(file).getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "AgentFile[" + path + ", pid " + pid + ", " + host + ":" + port + "]";
  }
}
