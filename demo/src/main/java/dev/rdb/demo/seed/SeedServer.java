package dev.rdb.demo.seed;

import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Policy;
import dev.rdb.core.RdbException;
import dev.rdb.core.StreamChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The seed demo's server: exports a {@link ScoringService} over rdb-core on its own socket (not the
 * rdb agent's listener), one {@link Connection} per client, until it is killed.
 *
 * <pre>
 * RDB_SEED_TOKEN=… java -javaagent:rdb-agent.jar=includes=dev.rdb.demo.seed.*,port=0 \
 *     -cp demo/target/classes:rdb-cli/target/rdb.jar dev.rdb.demo.seed.SeedServer PORT_FILE
 * </pre>
 *
 * <p>It listens on a free port of 127.0.0.1 and writes the port to PORT_FILE (atomically, so a
 * reader never sees half of it). The token comes from the environment, never the command line.
 */
public final class SeedServer {
  static final String TOKEN_VARIABLE = "RDB_SEED_TOKEN";

  private SeedServer() {}

  public static void main(String[] args) throws IOException {
    String token = System.getenv(TOKEN_VARIABLE);
    if (args.length != 1 || token == null || token.isEmpty()) {
      System.err.println("usage: " + TOKEN_VARIABLE + "=SECRET java dev.rdb.demo.seed.SeedServer PORT_FILE");
      System.exit(2);
      return;
    }
    // An application using rdb-core on JDK 23+ selects msgpack's universal buffer before its first
    // connection, or the JVM prints a sun.misc.Unsafe deprecation warning.
    if (System.getProperty("msgpack.universal-buffer") == null) {
      System.setProperty("msgpack.universal-buffer", "true");
    }
    // The client may call the service's own methods; everything else it reaches stays read-only.
    Policy policy = Policy.readOnly().toBuilder()
        .allow(Policy.Action.CALL, ScoringService.class.getName(), "*")
        .build();
    ConnectionOptions options = ConnectionOptions.builder()
        .token(token).root(new ScoringService()).policy(policy).name("seed-server").build();
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      writePort(Path.of(args[0]), server.getLocalPort());
      System.out.println("[seed-server] serving a Scorer on 127.0.0.1:" + server.getLocalPort());
      while (true) {
        Socket socket = server.accept();
        try {
          // The connection serves on its own threads until the client leaves.
          Connection.accept(StreamChannel.over(socket), options);
          System.out.println("[seed-server] a client connected");
        } catch (RdbException | IOException e) {
          System.out.println("[seed-server] client refused: " + e.getMessage());
          socket.close();
        }
      }
    }
  }

  private static void writePort(Path file, int port) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, Integer.toString(port), StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
