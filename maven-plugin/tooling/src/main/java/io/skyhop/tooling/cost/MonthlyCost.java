package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of a month at a given volume, the plan's monthly free tier applied to requests and to
 * compute separately, neither part below zero. For {@link Plan#LOCAL}, the server's price.
 *
 * @param invocations invocations in the month
 * @param requestsUsd the price of the requests beyond the free ones
 * @param computeUsd the price of the memory- and vCPU-seconds beyond the free ones (the server's
 *     monthly price for {@link Plan#LOCAL})
 * @param totalUsd {@code requestsUsd + computeUsd}
 */
public record MonthlyCost(
    long invocations, BigDecimal requestsUsd, BigDecimal computeUsd, BigDecimal totalUsd) {

  /** Checks that every part is present. */
  public MonthlyCost {
    Objects.requireNonNull(requestsUsd, "requestsUsd");
    Objects.requireNonNull(computeUsd, "computeUsd");
    Objects.requireNonNull(totalUsd, "totalUsd");
  }
}
