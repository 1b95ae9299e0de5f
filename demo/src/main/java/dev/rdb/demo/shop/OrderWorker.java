package dev.rdb.demo.shop;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Processes the orders of one shard of customers, one at a time, so a customer's orders are
 * handled in the order they arrived. An order that fails is not caught here: the exception ends
 * the worker's thread and reaches the thread's uncaught-exception handler, which is what makes it
 * a post-mortem for rdb. The worker reports its end on {@code exits} whatever the reason.
 */
final class OrderWorker implements Runnable {

  private static final int LATENCY_WINDOW = 8;

  private final String name;
  private final OrderPipeline pipeline;
  private final PrintStream out;
  private final BlockingQueue<OrderWorker> exits;
  private final Backlog backlog;
  private final BlockingQueue<Order> queue = new LinkedBlockingQueue<>();

  OrderWorker(String name, OrderPipeline pipeline, PrintStream out,
      BlockingQueue<OrderWorker> exits, Backlog backlog) {
    this.name = name;
    this.pipeline = pipeline;
    this.out = out;
    this.exits = exits;
    this.backlog = backlog;
  }

  String name() {
    return name;
  }

  void submit(Order order) {
    backlog.opened();
    queue.add(order);
  }

  @Override
  public void run() {
    int processed = 0;
    long[] recentMicros = new long[LATENCY_WINDOW];
    double averageMillis = 0;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Order order = queue.take();
        Receipt receipt;
        try {
          receipt = pipeline.process(order);
        } finally {
          backlog.closed();
        }
        recentMicros[processed % LATENCY_WINDOW] = receipt.elapsedMicros();
        processed++;
        averageMillis = average(recentMicros, Math.min(processed, LATENCY_WINDOW)) / 1_000.0;
        out.printf("[%s] %s; avg %.2f ms%n", name, receipt, averageMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exits.add(this);
    }
  }

  private static double average(long[] values, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return (double) sum / count;
  }
}
