package sample;

import dev.rdb.agent.Rdb;
import java.util.concurrent.ThreadFactory;

/** A target program; the first argument picks the scenario, the second is the report file. */
public final class Main {

  public static void main(String[] args) throws Exception {
    Report.atExit(args[1]);
    switch (args[0]) {
      case "uncaught":
        System.out.println("total " + new Shop(10, 20, 30).total(20));
        new Shop(1, 2).total(10);
        break;
      case "handler-later":
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
            System.out.println("own handler saw " + e.getClass().getSimpleName() + " in " + t.getName()));
        Thread worker = new Thread(() -> new Shop(5).total(10), "worker-1");
        worker.start();
        worker.join();
        System.out.println("handler kept " + (Thread.getDefaultUncaughtExceptionHandler() != null));
        break;
      case "virtual":
        ThreadFactory factory = virtualThreads();
        Thread v = factory.newThread(() -> new Shop(7).total(10));
        v.start();
        v.join();
        break;
      case "explicit":
        try {
          new Shop(3).total(10);
        } catch (ArithmeticException e) {
          Rdb.postMortem(e);
          System.out.println("caught and kept");
        }
        break;
      case "adaptive":
        for (int round = 1; round <= 2; round++) {
          try {
            new Shop(4).total(10);
          } catch (ArithmeticException e) {
            Rdb.postMortem(e);
          }
          long deadline = System.nanoTime() + 20_000_000_000L;
          while (Rdb.counters().getOrDefault("classesRetransformed", 0L) < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
        }
        break;
      case "all":
        for (int i = 0; i < 2; i++) {
          try {
            new Shop(6).total(10);
          } catch (ArithmeticException e) {
            System.out.println("caught " + i);
          }
        }
        break;
      case "harmless":
        int ok = 0;
        for (int i = 0; i < 2000; i++) {
          try {
            ok += new Shop(i, i + 1).total(i % 20);
          } catch (ArithmeticException e) {
            ok--;
          }
        }
        System.out.println("ok " + ok);
        System.err.println("a line on stderr");
        new Shop(9).total(10);
        break;
      case "warehouse":
        System.out.println("restocked " + Warehouse.restock(4));
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
  }

  private static ThreadFactory virtualThreads() throws ReflectiveOperationException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
    builder = ofVirtual.getMethod("name", String.class).invoke(builder, "virtual-1");
    return (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
  }
}
