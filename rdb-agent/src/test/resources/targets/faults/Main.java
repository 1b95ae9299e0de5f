package faults;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target with a workload, driven line by line on stdin: {@code ping} → {@code pong};
 * {@code crash} → a thread dies in {@link Shop#settle} with an order of 50 lines and a million-long
 * array among its locals ({@code crashed}); {@code work} → a daemon thread computes in a loop and
 * throws and catches through instrumented code every 64th step ({@code working}); {@code rate MS} →
 * the steps done per second over the next MS milliseconds ({@code rate N}); {@code fill} → the heap
 * is filled with 256 KiB blocks until it is full, then 2 MiB are given back ({@code filled N});
 * {@code free} → the blocks are dropped ({@code freed}).
 */
public final class Main {

  static final LongAdder STEPS = new LongAdder();
  static final List<byte[]> BLOCKS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Shop.step(1);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("ping")) {
        System.out.println("pong");
      } else if (line.equals("crash")) {
        Thread crasher = new Thread(() -> new Shop().settle(order(), new long[1_000_000]), "crasher");
        crasher.start();
        crasher.join();
        System.out.println("crashed");
      } else if (line.equals("work")) {
        Thread worker = new Thread(Main::work, "workload");
        worker.setDaemon(true);
        worker.start();
        System.out.println("working");
      } else if (line.startsWith("rate ")) {
        long millis = Long.parseLong(line.substring(5));
        long before = STEPS.sum();
        long start = System.nanoTime();
        Thread.sleep(millis);
        long done = STEPS.sum() - before;
        System.out.println("rate " + done * 1_000_000_000L / (System.nanoTime() - start));
      } else if (line.equals("fill")) {
        fill();
        System.out.println("filled " + BLOCKS.size());
      } else if (line.equals("free")) {
        BLOCKS.clear();
        System.out.println("freed");
      } else {
        System.out.println("unknown " + line);
      }
    }
  }

  /** Order 7: line i costs i + 1, so the lines sum to 1275. */
  static Shop.Order order() {
    List<Shop.Line> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add(new Shop.Line("item-" + i, i + 1, List.of("tag-" + i % 3)));
    }
    return new Shop.Order(7, "ann", lines);
  }

  /** Fills the heap; a reserve given back on the first failure leaves about 2 MiB free. */
  private static void fill() {
    byte[][] reserve = {new byte[2 * 1024 * 1024]};
    try {
      while (true) {
        BLOCKS.add(new byte[256 * 1024]);
      }
    } catch (OutOfMemoryError full) {
      reserve[0] = null;
    }
  }

  private static void work() {
    for (long i = 1; ; i++) {
      try {
        Shop.step(i);
      } catch (IllegalStateException expected) {
        // The workload's own failures: caught and counted as done.
      }
      STEPS.increment();
    }
  }
}
