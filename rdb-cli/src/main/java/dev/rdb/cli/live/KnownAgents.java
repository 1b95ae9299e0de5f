package dev.rdb.cli.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ~/.rdb/known_agents}: the TLS certificate fingerprint pinned per agent address, trust on
 * first use as SSH's {@code known_hosts}. One line per agent, {@code host:port SHA-256} (the
 * fingerprint as the agent prints it: upper-case hex bytes joined by colons); {@code #} starts a
 * comment. Written atomically, readable by its owner only.
 */
public final class KnownAgents {
  private final Path file;

  public KnownAgents(Path home) {
    this.file = home.resolve(".rdb").resolve("known_agents");
  }

  public Path file() {
    return file;
  }

  /** The fingerprint pinned for {@code address}, if any. */
  public Optional<String> pinned(AgentAddress address) {
    return Optional.ofNullable(read().get(address.toString()));
  }

  /** Pins {@code fingerprint} for {@code address}, replacing an earlier pin. */
  public void pin(AgentAddress address, String fingerprint) throws IOException {
    Map<String, String> all = read();
    all.put(address.toString(), fingerprint);
    List<String> lines = new ArrayList<>();
    lines.add("# rdb: TLS certificate SHA-256 fingerprints of agents, pinned on first use (host:port fingerprint)");
    all.forEach((key, value) -> lines.add(key + " " + value));
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "known_agents.", ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, lines, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The shell command that forgets the pin of {@code address}. */
  public String forgetCommand(AgentAddress address) {
    return "sed -i '/^" + address.toString().replace(".", "\\.").replace("[", "\\[").replace("]", "\\]")
        + " /d' " + file;
  }

  private Map<String, String> read() {
    Map<String, String> pins = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return pins;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length >= 2) {
          pins.put(parts[0], parts[1]);
        }
      }
    } catch (IOException e) {
      return pins;
    }
    return pins;
  }
}
