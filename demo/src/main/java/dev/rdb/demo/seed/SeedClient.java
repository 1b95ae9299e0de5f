package dev.rdb.demo.seed;

import dev.rdb.cli.Main;
import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.Policy;
import dev.rdb.core.RemoteException;
import dev.rdb.core.RemoteRef;
import dev.rdb.core.StreamChannel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed demo's client, PyPy's {@code x.foo(1, [1,2,3], y)} in Java: {@code x} is the server's
 * root seen through {@code ref.as(Scorer.class)}, {@code 1} is copied, the list goes by reference
 * (the server reads its elements when it needs them) and {@code y} is a local {@link Weights} that
 * the server calls back. The server throws; the client catches the {@link RemoteException}, passes
 * the remote throwable back to the server by reference to keep it as a post-mortem, and opens rdb's
 * REPL on it ({@link Main#run}) — {@code pdb.post_mortem(tb)} on a remote traceback.
 *
 * <p>{@code rdb demo --seed} runs it inside rdb's JVM (so the REPL owns the terminal):
 * {@code run("--server", HOST:PORT, "--token", T, "--debugger", HOST:PORT [, "--tour", CMDS]
 * [, "--commands", CMDS] [, "--source-path", DIR])}.
 */
public final class SeedClient {
  private static final PrintStream OUT = System.out;

  private SeedClient() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the demo; returns the REPL's exit code (rdb's exit codes), or 1 when the demo went wrong. */
  public static int run(String... args) {
    Map<String, String> options = parse(args);
    String[] server = options.get("--server").split(":");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server[0], Integer.parseInt(server[1])), 10_000);
      // The server may call back only what the demo passes it: the weights, and the list's reads.
      Policy policy = Policy.readOnly().toBuilder()
          .allow(Policy.Action.CALL, HistoryWeights.class.getName(), "weightOf")
          .build();
      Connection connection = Connection.connect(StreamChannel.over(socket),
          ConnectionOptions.builder().token(options.get("--token")).policy(policy).name("seed-client").build());
      try (connection) {
        return callAndDebug(connection, options);
      }
    } catch (IOException e) {
      OUT.println("[seed-client] cannot reach the server at " + options.get("--server") + ": " + e.getMessage());
      return 1;
    }
  }

  private static int callAndDebug(Connection connection, Map<String, String> options) {
    RemoteRef x = connection.root();
    Scorer scorer = x.as(Scorer.class);
    Weights y = new HistoryWeights(new HashMap<>());
    OUT.println("[seed-client] x = connection.root().as(Scorer.class)   // a " + x.typeName() + " in the server");
    OUT.println("[seed-client] x.score(1, List.of(1, 2, 3), y)   // y: a local HistoryWeights, called back");
    try {
      long score = scorer.score(1, List.of(1, 2, 3), y);
      OUT.println("[seed-client] score = " + score + " (no exception: nothing to debug)");
      return 0;
    } catch (RemoteException e) {
      OUT.println("[seed-client] caught RemoteException: the server threw " + e.remoteClassName() + ": "
          + e.remoteMessage());
      e.remoteStackTrace().forEach(frame -> OUT.println("[seed-client]     at " + frame));
      Object id = x.call("keepPostMortem", e.remote().ref());
      if (!(id instanceof Integer postMortem) || postMortem < 0) {
        OUT.println("[seed-client] the server runs without the rdb agent: no post-mortem to open");
        return 1;
      }
      OUT.println("[seed-client] the server kept it as post-mortem #" + postMortem
          + "; opening rdb on that remote traceback (rdb attach " + options.get("--debugger") + ")");
      OUT.flush();
      return Main.run(debuggerArguments(options, postMortem).toArray(String[]::new));
    }
  }

  private static List<String> debuggerArguments(Map<String, String> options, int postMortem) {
    List<String> rdb = new ArrayList<>(List.of("attach", options.get("--debugger")));
    if (options.containsKey("--source-path")) {
      rdb.addAll(List.of("--source-path", options.get("--source-path")));
    }
    if (options.containsKey("--tour")) {
      rdb.addAll(List.of("--echo", "-c", "pm " + postMortem + "; " + options.get("--tour")));
    } else if (options.containsKey("--commands")) {
      rdb.addAll(List.of("-c", "pm " + postMortem + "; " + options.get("--commands")));
    }
    return rdb;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--server", "--token", "--debugger")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + " (usage: --server HOST:PORT --token T "
            + "--debugger HOST:PORT [--tour CMDS | --commands CMDS] [--source-path DIR])");
      }
    }
    return options;
  }

  /**
   * Weighs a sample by how often this client has seen it. A new client has seen nothing, so every
   * weight is 0 — which the server does not expect.
   */
  static final class HistoryWeights implements Weights {
    private final Map<Integer, Integer> timesSeen;

    HistoryWeights(Map<Integer, Integer> timesSeen) {
      this.timesSeen = timesSeen;
    }

    @Override
    public int weightOf(int sample) {
      return timesSeen.getOrDefault(sample, 0);
    }
  }
}
