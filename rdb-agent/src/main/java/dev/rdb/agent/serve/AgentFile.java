package dev.rdb.agent.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code ~/.rdb/agents/<pid>.json}: how a debugger on this machine finds a running agent and, when
 * the agent generated its token, proves it may attach. The file is readable by its owner only
 * (0600, directory 0700), written atomically (a reader never sees half a file) and deleted when the
 * JVM exits. A JVM killed with {@code -9} cannot delete its file: the next agent to write one
 * deletes the files (and half-written ones) of pids no process has any more. Format:
 * {@code docs/ARCHITECTURE.md}, "Agent file".
 *
 * <p>{@code ~} is the {@code user.home} system property of the target, so tests can move it.
 */
final class AgentFile {

  /** Version of the file's format; a reader refuses versions it does not know. */
  static final int FORMAT = 1;

  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  /** What the file says. {@code token} and {@code fingerprint} may be null. */
  record Content(long pid, String host, int port, String token, boolean tls, String fingerprint,
      String policy, String mainClass, String agentVersion, String javaVersion, String startedAt) {

    @Override
    public String toString() {
      return "AgentFile.Content[pid=" + pid + ", " + host + ":" + port + "]";
    }
  }

  private final Path path;

  private AgentFile(Path path) {
    this.path = path;
  }

  /** The file of process {@code pid} under {@code userHome}. */
  static Path pathFor(String userHome, long pid) {
    return Path.of(userHome, ".rdb", "agents", pid + ".json");
  }

  Path path() {
    return path;
  }

  /**
   * Writes {@code content} to {@code path} (replacing a stale file of a dead process with the same
   * pid). Throws when the file cannot be kept private: the listener must not start then.
   */
  static AgentFile write(Path path, Content content) throws IOException {
    Path dir = path.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      if (!Files.getPosixFilePermissions(dir).equals(OWNER_DIR)) {
        Files.setPosixFilePermissions(dir, OWNER_DIR);
      }
    } else {
      Files.createDirectories(dir);
    }
    Path temp = posix
        ? Files.createTempFile(dir, content.pid() + ".", ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_FILE))
        : Files.createTempFile(dir, content.pid() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writeJson(out, content);
      }
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    removeFilesOfGoneProcesses(dir);
    return new AgentFile(path);
  }

  /**
   * Deletes {@code PID.json} and {@code PID.*.tmp} of pids that are no process now. A pid some
   * other process has taken since keeps its file: only the reader can tell that one is stale (by
   * when the process started), and deleting a live agent's file would lose its token.
   */
  private static void removeFilesOfGoneProcesses(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        int digits = 0;
        while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
          digits++;
        }
        boolean ours = digits > 0 && digits <= 10 && name.startsWith(".", digits)
            && (name.length() == digits + ".json".length() && name.endsWith(".json")
                || name.endsWith(".tmp"));
        if (ours && ProcessHandle.of(Long.parseLong(name.substring(0, digits))).isEmpty()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Tidying only: a file left behind is reported as stale by rdb, never used.
    }
  }

  /** Removes the file; quiet, since it runs while the JVM exits. */
  boolean delete() {
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      return false;
    }
  }

  private static void writeJson(OutputStream out, Content c) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("format", FORMAT);
      json.writeNumberField("pid", c.pid());
      json.writeStringField("host", c.host());
      json.writeNumberField("port", c.port());
      json.writeStringField("token", c.token());
      json.writeBooleanField("tls", c.tls());
      json.writeStringField("fingerprint", c.fingerprint());
      json.writeStringField("policy", c.policy());
      json.writeStringField("mainClass", c.mainClass());
      json.writeStringField("agentVersion", c.agentVersion());
      json.writeStringField("javaVersion", c.javaVersion());
      json.writeStringField("startedAt", c.startedAt());
      json.writeEndObject();
    }
  }
}
