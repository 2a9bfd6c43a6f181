package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The cost of a {@link Profile} on one {@link Plan}.
 *
 * @param plan the plan priced
 * @param prices the price table the figures come from
 * @param billing what one invocation bills (empty for {@link Plan#LOCAL}, which bills a server)
 * @param perMillionUsd the cost of one million invocations, free tier not applied (for {@link
 *     Plan#LOCAL}: the server's monthly price spread over the profile's monthly invocations)
 * @param monthly the cost of the profile's month, free tier applied
 */
public record CostEstimate(
    Plan plan,
    PriceStamp prices,
    Optional<Billing> billing,
    BigDecimal perMillionUsd,
    MonthlyCost monthly) {

  /** Checks that every part is present. */
  public CostEstimate {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(billing, "billing");
    Objects.requireNonNull(perMillionUsd, "perMillionUsd");
    Objects.requireNonNull(monthly, "monthly");
  }
}
