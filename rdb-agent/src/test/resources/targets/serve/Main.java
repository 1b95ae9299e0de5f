package serve;

import dev.rdb.agent.Rdb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A target driven line by line on stdin, so tests decide when it crashes without sleeping:
 * {@code ping} → {@code pong}; {@code crash} → a thread dies in {@link Checkout#pay} and
 * {@code crashed} is printed; {@code params} → {@link Params#scale} runs; {@code storm} → a daemon
 * thread throws and catches in a loop, keeping every 10,000th as a post-mortem ({@code storming});
 * {@code die} → the main thread dies of an uncaught exception; {@code exit} → {@code System.exit(0)}.
 */
public final class Main {

  public static void main(String[] args) throws Exception {
    new Checkout("warmup", "warm").total(new int[] {1}, 1);
    Params.scale(2, 3);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    String line;
    while ((line = in.readLine()) != null) {
      switch (line) {
        case "ping":
          System.out.println("pong");
          break;
        case "crash":
          Thread crasher = new Thread(() -> new Checkout("ann", "hunter2-secret").pay(270, 0),
              "crasher");
          crasher.start();
          crasher.join();
          System.out.println("crashed");
          break;
        case "params":
          try {
            Params.scale(5, 0);
          } catch (ArithmeticException e) {
            Rdb.postMortem(e);
          }
          System.out.println("params done");
          break;
        case "storm":
          Thread storm = new Thread(Main::storm, "storm");
          storm.setDaemon(true);
          storm.start();
          System.out.println("storming");
          break;
        case "die":
          new Checkout("bob", "pw-of-bob").pay(100, 0);
          break;
        case "exit":
          System.exit(0);
          break;
        default:
          System.out.println("unknown " + line);
      }
    }
  }

  private static void storm() {
    for (int i = 1; ; i++) {
      try {
        new Checkout("storm", "s").refund(i);
      } catch (IllegalArgumentException e) {
        if (i % 10_000 == 0) {
          Rdb.postMortem(e);
        }
      }
      if (i % 1000 == 0) {
        Thread.yield();
      }
    }
  }
}
