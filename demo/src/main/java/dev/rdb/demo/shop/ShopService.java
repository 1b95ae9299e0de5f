package dev.rdb.demo.shop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo target: an order-processing service that crashes one of its workers and keeps running.
 *
 * <pre>
 * java -cp demo/target/classes dev.rdb.demo.shop.ShopService [--crash] [--exit-after-crash]
 * </pre>
 *
 * <p>Threads, all non-daemon: {@code order-worker-1}, {@code order-worker-2} and
 * {@code order-worker-3} (customer {@code C-n} is served by worker {@code n % 3 + 1}, so one
 * customer's orders keep their order), {@code inventory-restocker} (tops stock up every 250 ms),
 * and {@code main}, which feeds the orders and then waits for workers to end.
 *
 * <p>By default orders #1001 to #1006 are processed (main waits until they are done, so every run
 * prints the same receipts before the crash), then order #{@value
 * DemoData#CRASHING_ORDER_ID} of Grace Hopper (C-104) kills {@code order-worker-3}: it has a line
 * with quantity 0, and the volume rebate divides by it. The worker's thread ends with an uncaught
 * {@link OrderProcessingException} caused by {@code ArithmeticException: / by zero}, which the
 * JVM prints to stderr. Then orders #1008 and #1009 go to the surviving workers and the service
 * keeps serving until it is killed.
 *
 * <ul>
 *   <li>{@code --crash}: send order #{@value DemoData#CRASHING_ORDER_ID} first, the others after
 *       the crash (those for {@code order-worker-3} are rejected: it is down).
 *   <li>{@code --exit-after-crash}: once the crash has been reported, stop all threads and exit
 *       with status 1 instead of serving on.
 * </ul>
 */
public final class ShopService {

  static final int WORKERS = 3;
  static final Duration RESTOCK_PERIOD = Duration.ofMillis(250);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(30);
  private static final String USAGE =
      "usage: java dev.rdb.demo.shop.ShopService [--crash] [--exit-after-crash]";

  private final Inventory inventory;
  private final PrintStream out;
  private final BlockingQueue<OrderWorker> exits = new LinkedBlockingQueue<>();
  private final Backlog backlog = new Backlog();
  private final Map<OrderWorker, Thread> workerThreads = new LinkedHashMap<>();
  private final List<OrderWorker> workers = new ArrayList<>();
  private final ScheduledExecutorService restocker;

  ShopService(OrderPipeline pipeline, Inventory inventory, PrintStream out) {
    this.inventory = inventory;
    this.out = out;
    for (int i = 0; i < WORKERS; i++) {
      OrderWorker worker = new OrderWorker("order-worker-" + (i + 1), pipeline, out, exits, backlog);
      Thread thread = new Thread(worker, worker.name());
      thread.setDaemon(false);
      workers.add(worker);
      workerThreads.put(worker, thread);
    }
    this.restocker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "inventory-restocker");
      thread.setDaemon(false);
      return thread;
    });
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("shop: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    Inventory inventory = DemoData.inventory();
    OrderPipeline pipeline = DemoData.pipeline(inventory, DemoData.paymentGateway());
    ShopService service = new ShopService(pipeline, inventory, System.out);
    service.start();
    long pid = ProcessHandle.current().pid();
    System.out.println(
        "[shop] started, pid " + pid + ": " + WORKERS + " order workers, inventory-restocker");

    List<Order> beforeCrash = new ArrayList<>();
    Order crashing = null;
    List<Order> afterCrash = new ArrayList<>();
    for (Order order : DemoData.orders()) {
      if (order.id() == DemoData.CRASHING_ORDER_ID) {
        crashing = order;
      } else {
        (crashing == null && !options.crashFirst() ? beforeCrash : afterCrash).add(order);
      }
    }
    beforeCrash.forEach(service::submit);
    service.awaitIdle();
    service.submit(crashing);
    service.reportWorkerExit();
    if (options.exitAfterCrash()) {
      service.stop();
      System.out.println("[shop] stopped (--exit-after-crash)");
      System.exit(1);
    }
    afterCrash.forEach(service::submit);
    System.out.println("[shop] still serving; stop it with: kill " + pid);
    while (true) {
      service.reportWorkerExit();
    }
  }

  void start() {
    workerThreads.values().forEach(Thread::start);
    long periodMillis = RESTOCK_PERIOD.toMillis();
    restocker.scheduleWithFixedDelay(
        this::restock, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Hands the order to its customer's worker, or rejects it when that worker has died. */
  void submit(Order order) {
    OrderWorker worker = workers.get(order.customer().number() % WORKERS);
    if (!workerThreads.get(worker).isAlive()) {
      out.println("[shop] order #" + order.id() + " rejected: " + worker.name() + " is down");
      return;
    }
    worker.submit(order);
  }

  /**
   * Waits until the submitted orders are done, so the crash always comes after the same work and
   * every run prints the same lines.
   */
  void awaitIdle() throws InterruptedException {
    if (!backlog.awaitEmpty(WAVE_TIMEOUT)) {
      out.println("[shop] orders still open after " + WAVE_TIMEOUT + "; going on");
    }
  }

  /**
   * Waits until a worker's thread has ended, uncaught-exception handler included, so its stack
   * trace is printed before this line.
   */
  OrderWorker reportWorkerExit() throws InterruptedException {
    OrderWorker ended = exits.take();
    workerThreads.get(ended).join();
    long alive = workerThreads.values().stream().filter(Thread::isAlive).count();
    out.println("[shop] " + ended.name() + " has died; "
        + alive + " of " + WORKERS + " workers still running");
    return ended;
  }

  void stop() throws InterruptedException {
    restocker.shutdownNow();
    workerThreads.values().forEach(Thread::interrupt);
    for (Thread thread : workerThreads.values()) {
      thread.join(STOP_TIMEOUT.toMillis());
    }
    if (!restocker.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      out.println("[shop] inventory-restocker did not stop within " + STOP_TIMEOUT);
    }
  }

  private void restock() {
    int added = inventory.restock();
    if (added > 0) {
      out.println("[inventory-restocker] restocked " + added + " units");
    }
  }

  /** Command-line switches. */
  record Options(boolean crashFirst, boolean exitAfterCrash, boolean help) {

    static Options parse(String... args) {
      boolean crashFirst = false;
      boolean exitAfterCrash = false;
      boolean help = false;
      for (String arg : args) {
        switch (arg) {
          case "--crash" -> crashFirst = true;
          case "--exit-after-crash" -> exitAfterCrash = true;
          case "-h", "--help" -> help = true;
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return new Options(crashFirst, exitAfterCrash, help);
    }
  }
}
