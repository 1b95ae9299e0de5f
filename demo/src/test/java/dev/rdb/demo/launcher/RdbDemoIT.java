package dev.rdb.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rdb demo} without a terminal, as in CI: the tour's transcript, and nothing left running. */
class RdbDemoIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String STARTED = "shop | [shop] started, pid ";

  @TempDir Path home;

  @Test
  void tourShowsTheCrashItsFramesAndLocalsAndStopsTheShop() throws Exception {
    Launcher rdb = Launcher.start(home, "demo");

    int exit = rdb.await(LIMIT);
    String out = rdb.output();

    assertThat(exit).as("exit code of ./rdb demo; output:%n%s", out).isZero();
    assertThat(out)
        .contains("Exception in thread \"order-worker-3\" dev.rdb.demo.shop.OrderProcessingException: "
            + "discount rule 'volume-rebate:PERIPHERALS' failed on order #1007 (customer C-104)")
        .contains("rdb #1 4:Money.dividedBy> where")
        .contains("->  #4  * at dev.rdb.demo.shop.Money.dividedBy(Money.java:60)")
        .contains("#6  * at dev.rdb.demo.shop.VolumeRebate.lambda$discountOn$0(VolumeRebate.java:39)")
        .contains("#14 * at dev.rdb.demo.shop.OrderWorker.run(OrderWorker.java:52)")
        .containsPattern("divisor +BigDecimal +0")
        .containsPattern("quantity +int +0")
        .contains("rdb #1 9:DiscountCalculator.evaluate> p order.items[0].price")
        .contains("Money@").contains("{amount=89.00, currency=EUR}")
        .contains("\"volume-rebate:PERIPHERALS\"")
        .containsPattern("tier +Tier +Tier.GOLD")
        .contains("name=\"Grace Hopper\"")
        .contains("apiKey=<redacted>")
        .doesNotContain("ak_live_2Nb6JhX0eSq9VtCm")
        .contains("Caused by: java.lang.ArithmeticException: / by zero")
        .contains("50 ->           \"discount rule '\" + ruleName")
        .containsPattern("order-worker-1 +WAITING");
    Launcher.assertGone(Launcher.pidAfter(out, STARTED), Duration.ofSeconds(10));
    assertThat(home.resolve(".rdb/agents")).as("agent files left behind").isEmptyDirectory();
  }

  @Test
  void stoppingRdbStopsTheShop() throws Exception {
    Launcher rdb = Launcher.start(home, "demo");
    String out = rdb.awaitOutput(text -> text.contains(STARTED), LIMIT);
    long shop = Launcher.pidAfter(out, STARTED);

    rdb.process().destroy();

    rdb.await(LIMIT);
    Launcher.assertGone(shop, Duration.ofSeconds(10));
    assertThat(Files.exists(home.resolve(".rdb/agents/" + shop + ".json"))).as("agent file of the shop").isFalse();
  }
}
