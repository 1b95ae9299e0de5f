package sample;

import dev.rdb.agent.Rdb;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes what the agent kept, through the public Rdb API, as tab-separated lines: the way a target
 * reports its own post-mortems before the network server exists. Runs in a shutdown hook, so it
 * also sees the post-mortem of the exception that ended the program.
 */
public final class Report {

  private Report() {}

  public static void atExit(String file) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(file)), "report"));
  }

  static void write(Path file) {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      out.println("active\t" + Rdb.active());
      for (Map.Entry<String, Long> c : Rdb.counters().entrySet()) {
        out.println("counter\t" + c.getKey() + "\t" + c.getValue());
      }
      for (Map<String, Object> pm : Rdb.postMortems()) {
        out.println("pm\t" + pm.get("id") + "\t" + pm.get("exceptionType") + "\t" + pm.get("message")
            + "\t" + pm.get("thread"));
        for (Object f : (List<?>) pm.get("frames")) {
          Map<?, ?> frame = (Map<?, ?>) f;
          out.println("frame\t" + frame.get("className") + "\t" + frame.get("methodName") + "\t"
              + frame.get("line") + "\t" + frame.get("captured") + "\t" + frame.get("namesAvailable"));
          for (Object l : (List<?>) frame.get("locals")) {
            Map<?, ?> local = (Map<?, ?>) l;
            Object v = local.get("value");
            out.println("local\t" + local.get("name") + "\t" + local.get("type") + "\t"
                + local.get("argument") + "\t" + (v == null ? "null" : v.getClass().getName() + "=" + v));
          }
        }
      }
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
