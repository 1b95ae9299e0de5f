package dev.rdb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPipelineTest {

  private final Inventory inventory = DemoData.inventory();
  private final PaymentGateway gateway = DemoData.paymentGateway();
  private final OrderPipeline pipeline = DemoData.pipeline(inventory, gateway);

  @Test
  void tierDiscountAndCouponAreSubtractedFromTheSubtotal() {
    Order order = new Order(1, DemoData.ADA,
        List.of(LineItem.of(DemoData.MONITOR, 1), LineItem.of(DemoData.CABLE, 2)),
        List.of("CABLES5"));

    Receipt receipt = pipeline.process(order);

    assertThat(receipt.subtotal()).as("329.00 + 2 x 12.90").isEqualTo(Money.eur("354.80"));
    assertThat(receipt.discount())
        .as("GOLD 5% (17.74) + CABLES5 2 x 5.00")
        .isEqualTo(Money.eur("27.74"));
    assertThat(receipt.charged()).isEqualTo(Money.eur("327.06"));
  }

  @Test
  void discountsAreCappedByTheCustomersTier() {
    Order order = new Order(2, DemoData.BARBARA,
        List.of(LineItem.of(DemoData.MOUSE, 6), LineItem.of(DemoData.KEYBOARD, 4)),
        List.of("WELCOME10"));

    Receipt receipt = pipeline.process(order);

    assertThat(receipt.discount())
        .as("rebate 40.00 + coupon 56.30 exceed the STANDARD cap of 10% of 563.00")
        .isEqualTo(Money.eur("56.30"));
  }

  @Test
  void linesAreRepricedAtCatalogPricesNotTheClientsPrices() {
    LineItem stale = new LineItem(DemoData.SICP.sku(), DemoData.SICP.name(), Category.BOOKS, 1,
        Money.eur("1.00"));
    Order order = new Order(3, DemoData.BARBARA, List.of(stale), List.of());

    assertThat(pipeline.process(order).subtotal()).isEqualTo(DemoData.SICP.price());
  }

  @Test
  void processedOrderReservesStockAndBooksOneCharge() {
    Order order = new Order(4, DemoData.EDSGER, List.of(LineItem.of(DemoData.CABLE, 3)), List.of());
    int before = inventory.onHand(DemoData.CABLE.sku());

    Receipt receipt = pipeline.process(order);

    assertThat(inventory.onHand(DemoData.CABLE.sku())).isEqualTo(before - 3);
    assertThat(gateway.charges())
        .containsExactly(new PaymentGateway.Charge("ch_4", "C-103", receipt.charged()));
  }

  @Test
  void unknownCouponIsRejectedBeforeAnythingIsCharged() {
    Order order =
        new Order(5, DemoData.ALAN, List.of(LineItem.of(DemoData.MOUSE, 1)), List.of("FREE99"));

    assertThatThrownBy(() -> pipeline.process(order))
        .isInstanceOf(OrderProcessingException.class)
        .hasMessageContaining("unknown coupon FREE99");
    assertThat(gateway.charges()).isEmpty();
  }

  @Test
  void everyDemoOrderButTheCrashingOneIsProcessed() {
    List<Long> processed = DemoData.orders().stream()
        .filter(order -> order.id() != DemoData.CRASHING_ORDER_ID)
        .map(order -> pipeline.process(order).orderId())
        .toList();

    assertThat(processed).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1008L, 1009L);
  }
}
