package io.skyhop.tooling.cost;

import java.math.BigDecimal;

/** Small helpers for amounts. */
final class Money {

  private Money() {}

  /** {@code value} without trailing zeros, never in exponent form for whole numbers. */
  static BigDecimal clean(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** {@code value}, or zero if it is negative. */
  static BigDecimal atLeastZero(BigDecimal value) {
    return value.signum() < 0 ? BigDecimal.ZERO : value;
  }
}
