package dev.rdb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The crash the demo promises: where it is thrown, what it wraps, and that nobody catches it. */
class CrashPathTest {

  private static final String SHOP = "dev.rdb.demo.shop.";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void crashingOrderEscapesTheWorkerThreadUncaught() throws InterruptedException {
    Throwable uncaught = crashInWorkerThread();

    assertThat(uncaught)
        .isInstanceOf(OrderProcessingException.class)
        .hasMessage(
            "discount rule 'volume-rebate:PERIPHERALS' failed on order #1007 (customer C-104)");
    assertThat(((OrderProcessingException) uncaught).orderId())
        .isEqualTo(DemoData.CRASHING_ORDER_ID);
  }

  @Test
  void crashUnwindsThroughFiveShopFramesIncludingALambda() throws InterruptedException {
    Throwable uncaught = crashInWorkerThread();

    assertThat(shopFrames(uncaught)).containsExactly(
        "DiscountCalculator.evaluate",
        "DiscountCalculator.lambda$discountsFor$2",
        "DiscountCalculator.discountsFor",
        "OrderPipeline.process",
        "OrderWorker.run");
  }

  @Test
  void causeIsTheDivisionByTheZeroQuantityInsideTheRebateLambda() throws InterruptedException {
    Throwable cause = crashInWorkerThread().getCause();

    assertThat(cause).isInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
    assertThat(shopFrames(cause)).startsWith(
        "Money.dividedBy",
        "VolumeRebate.perUnitShare",
        "VolumeRebate.lambda$discountOn$0",
        "VolumeRebate.discountOn",
        "DiscountCalculator.evaluate");
  }

  @Test
  void crashingOrderPassesValidationWithItsZeroQuantityLine() {
    Order crashing = DemoData.orders().stream()
        .filter(order -> order.id() == DemoData.CRASHING_ORDER_ID)
        .findFirst()
        .orElseThrow();

    assertThat(crashing.items()).extracting(LineItem::quantity).containsExactly(8, 4, 0, 2);
    assertThat(crashing.customer().number() % ShopService.WORKERS)
        .as("Grace Hopper's orders go to order-worker-3")
        .isEqualTo(2);
  }

  private static List<String> shopFrames(Throwable t) {
    return Arrays.stream(t.getStackTrace())
        .filter(frame -> frame.getClassName().startsWith(SHOP))
        .map(frame -> frame.getClassName().substring(SHOP.length()) + "." + frame.getMethodName())
        .toList();
  }

  /** Runs the crashing order on a worker thread and returns what reached its uncaught handler. */
  private static Throwable crashInWorkerThread() throws InterruptedException {
    Inventory inventory = DemoData.inventory();
    BlockingQueue<OrderWorker> exits = new LinkedBlockingQueue<>();
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    OrderWorker worker = new OrderWorker("order-worker-3",
        DemoData.pipeline(inventory, DemoData.paymentGateway()), out, exits, new Backlog());
    AtomicReference<Throwable> uncaught = new AtomicReference<>();
    Thread thread = new Thread(worker, worker.name());
    thread.setUncaughtExceptionHandler((t, e) -> uncaught.set(e));
    DemoData.orders().stream()
        .filter(order -> order.id() == DemoData.CRASHING_ORDER_ID)
        .forEach(worker::submit);

    thread.start();
    thread.join(TIMEOUT.toMillis());

    assertThat(thread.isAlive()).as("worker thread still alive after %s", TIMEOUT).isFalse();
    assertThat(exits).as("worker reported its exit").containsExactly(worker);
    assertThat(uncaught.get()).as("throwable given to the uncaught-exception handler").isNotNull();
    return uncaught.get();
  }
}
