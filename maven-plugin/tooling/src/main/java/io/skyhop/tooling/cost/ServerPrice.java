package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The on-demand price of a provisioned server that could run the in-house runtime instead, for the
 * break-even against the per-invocation plans.
 *
 * @param name the instance type, e.g. {@code t4g.small}
 * @param usdPerHour the on-demand price per hour
 * @param usdPerMonth the price per month (hourly price times 730 h, as published)
 * @param vcpu the server's vCPUs
 * @param memoryGib the server's memory in GiB
 */
public record ServerPrice(
    String name, BigDecimal usdPerHour, BigDecimal usdPerMonth, int vcpu, BigDecimal memoryGib) {

  /** Checks that every part is present. */
  public ServerPrice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usdPerHour, "usdPerHour");
    Objects.requireNonNull(usdPerMonth, "usdPerMonth");
    Objects.requireNonNull(memoryGib, "memoryGib");
  }
}
