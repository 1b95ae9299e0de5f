package dev.rdb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeRebateTest {

  private final VolumeRebate rebate =
      new VolumeRebate(Category.PERIPHERALS, 10, Money.eur("40.00"));

  @Test
  void rebateIsAllocatedByValueAndBookedPerUnit() {
    Cart cart = new Cart(DemoData.BARBARA,
        List.of(LineItem.of(DemoData.MOUSE, 6), LineItem.of(DemoData.KEYBOARD, 4),
            LineItem.of(DemoData.CABLE, 1)),
        Money.EUR);

    Money granted = rebate.discountOn(cart);

    assertThat(granted).isEqualTo(Money.eur("40.00"));
    assertThat(cart.unitRebates()).as("207/563 of 40 over 6 mice, 356/563 of 40 over 4 keyboards")
        .isEqualTo(Map.of("MS-02", Money.eur("2.45"), "KB-87", Money.eur("6.32")));
  }

  @Test
  void fewerUnitsThanTheThresholdGetNoRebate() {
    Cart cart = new Cart(DemoData.ADA, List.of(LineItem.of(DemoData.KEYBOARD, 9)), Money.EUR);

    assertThat(rebate.discountOn(cart)).isEqualTo(Money.eur("0.00"));
    assertThat(cart.unitRebates()).isEmpty();
  }
}
