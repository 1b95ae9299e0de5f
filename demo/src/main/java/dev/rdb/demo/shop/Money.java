package dev.rdb.demo.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.stream.Stream;

/** An amount of one currency, always held at the currency's scale (cents for EUR). */
record Money(BigDecimal amount, Currency currency) {

  static final Currency EUR = Currency.getInstance("EUR");
  private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = amount.setScale(currency.getDefaultFractionDigits(), ROUNDING);
  }

  static Money eur(String amount) {
    return new Money(new BigDecimal(amount), EUR);
  }

  static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  static Money sum(Stream<Money> amounts, Currency currency) {
    return amounts.reduce(zero(currency), Money::plus);
  }

  Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  Money times(int factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  Money percent(int percent) {
    BigDecimal scaled = amount.multiply(BigDecimal.valueOf(percent));
    return new Money(scaled.divide(HUNDRED, ROUNDING), currency);
  }

  /** This amount scaled by {@code part / whole}: a share of it allocated by weight. */
  Money proportion(Money part, Money whole) {
    BigDecimal scaled = amount.multiply(sameCurrency(part).amount);
    return new Money(scaled.divide(sameCurrency(whole).amount, amount.scale(), ROUNDING), currency);
  }

  /** This amount split into {@code parts} equal parts, rounded to the currency's scale. */
  Money dividedBy(int parts) {
    BigDecimal divisor = BigDecimal.valueOf(parts);
    return new Money(amount.divide(divisor, amount.scale(), ROUNDING), currency);
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " and " + other.currency);
    }
    return other;
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
