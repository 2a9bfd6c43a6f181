package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Prices a {@link Profile} on every {@link Plan} with the rules of a {@link PriceTable}: billed
 * time and memory per invocation, the cost per million invocations (no free tier), the monthly cost
 * (free tier applied to requests and to compute separately, never below zero), and the break-even
 * of each cloud plan against a provisioned server running the in-house runtime.
 *
 * <p>Amounts are exact decimals in USD; every result carries the table's {@link PriceStamp}.
 * Instances are immutable and thread-safe.
 */
public final class CostModel {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final long SEARCH_LIMIT = 1L << 62;

  private final PriceTable table;
  private final BigDecimal serverUsdPerMonth;

  /** A model comparing the in-house runtime with the table's default server (t4g.small). */
  public CostModel(PriceTable table) {
    this(table, table.defaultServer().usdPerMonth());
  }

  /**
   * A model comparing the in-house runtime with a server of the given monthly price ({@code
   * skyhop.serverUsdPerMonth}).
   */
  public CostModel(PriceTable table, BigDecimal serverUsdPerMonth) {
    this.table = Objects.requireNonNull(table, "table");
    this.serverUsdPerMonth = Objects.requireNonNull(serverUsdPerMonth, "serverUsdPerMonth");
    if (serverUsdPerMonth.signum() < 0) {
      throw new IllegalArgumentException("serverUsdPerMonth must not be negative");
    }
  }

  /** The price table this model prices with. */
  public PriceTable table() {
    return table;
  }

  /** The monthly price of the server the in-house runtime runs on. */
  public BigDecimal serverUsdPerMonth() {
    return serverUsdPerMonth;
  }

  /**
   * What one invocation of {@code profile} bills on a cloud plan.
   *
   * @throws IllegalArgumentException for {@link Plan#LOCAL}, or a memory the plan does not offer
   */
  public Billing billing(Plan plan, Profile profile) {
    return Meter.meter(table.prices(plan), profile);
  }

  /** The cost of {@code profile} on {@code plan}, at the profile's monthly volume. */
  public CostEstimate estimate(Plan plan, Profile profile) {
    long invocations = profile.invocationsPerMonth();
    if (!plan.isCloud()) {
      BigDecimal perMillion =
          serverUsdPerMonth
              .multiply(MILLION)
              .divide(BigDecimal.valueOf(invocations), MathContext.DECIMAL64);
      MonthlyCost month =
          new MonthlyCost(invocations, BigDecimal.ZERO, serverUsdPerMonth, serverUsdPerMonth);
      return new CostEstimate(
          plan, table.stamp(), Optional.empty(), Money.clean(perMillion), month);
    }
    PlanPrices prices = table.prices(plan);
    Billing billing = Meter.meter(prices, profile);
    return new CostEstimate(
        plan,
        table.stamp(),
        Optional.of(billing),
        perMillion(prices, billing),
        monthly(prices, billing, invocations));
  }

  /** The cost of {@code profile} on every plan, in {@link Plan} order. */
  public List<CostEstimate> estimateAll(Profile profile) {
    List<CostEstimate> estimates = new ArrayList<>();
    for (Plan plan : Plan.values()) {
      estimates.add(estimate(plan, profile));
    }
    return List.copyOf(estimates);
  }

  /**
   * The cost of a month of {@code invocations} of {@code profile} on {@code plan}, free tier
   * applied: a point of the cost-against-volume curve.
   */
  public MonthlyCost monthlyCost(Plan plan, Profile profile, long invocations) {
    return estimate(plan, profile.withInvocationsPerMonth(invocations)).monthly();
  }

  /**
   * For each cloud plan, the monthly volume of {@code profile} from which it costs at least as much
   * as the server ({@link #serverUsdPerMonth()}), free tier applied.
   */
  public BreakEven breakEven(Profile profile) {
    List<BreakEven.Point> points = new ArrayList<>();
    for (Plan plan : Plan.values()) {
      if (plan.isCloud()) {
        PlanPrices prices = table.prices(plan);
        Billing billing = Meter.meter(prices, profile);
        points.add(new BreakEven.Point(plan, breakEvenInvocations(prices, billing)));
      }
    }
    return new BreakEven(table.stamp(), serverUsdPerMonth, points);
  }

  static BigDecimal perMillion(PlanPrices prices, Billing billing) {
    BigDecimal compute =
        billing
            .memorySecondsPerInvocation()
            .multiply(prices.memorySecondUsd())
            .add(billing.vcpuSecondsPerInvocation().multiply(prices.vcpuSecondUsd()));
    return Money.clean(prices.requestUsdPerMillion().add(compute.multiply(MILLION)));
  }

  static MonthlyCost monthly(PlanPrices prices, Billing billing, long invocations) {
    FreeTier free = prices.freeTier();
    BigDecimal count = BigDecimal.valueOf(invocations);
    BigDecimal paidRequests = BigDecimal.valueOf(Math.max(0L, invocations - free.requests()));
    BigDecimal requests = paidRequests.multiply(prices.requestUsdPerMillion()).movePointLeft(6);
    BigDecimal memory =
        Money.atLeastZero(
                count.multiply(billing.memorySecondsPerInvocation()).subtract(free.memorySeconds()))
            .multiply(prices.memorySecondUsd());
    BigDecimal vcpu =
        Money.atLeastZero(
                count.multiply(billing.vcpuSecondsPerInvocation()).subtract(free.vcpuSeconds()))
            .multiply(prices.vcpuSecondUsd());
    BigDecimal compute = memory.add(vcpu);
    return new MonthlyCost(
        invocations,
        Money.clean(requests),
        Money.clean(compute),
        Money.clean(requests.add(compute)));
  }

  /** The least whole monthly volume whose cost reaches the server's; the cost never decreases. */
  private OptionalLong breakEvenInvocations(PlanPrices prices, Billing billing) {
    long below = 0;
    long reached = 1;
    if (costs(prices, billing, 0)) {
      return OptionalLong.of(0);
    }
    while (!costs(prices, billing, reached)) {
      if (reached >= SEARCH_LIMIT) {
        return OptionalLong.empty();
      }
      below = reached;
      reached *= 2;
    }
    while (reached - below > 1) {
      long middle = below + (reached - below) / 2;
      if (costs(prices, billing, middle)) {
        reached = middle;
      } else {
        below = middle;
      }
    }
    return OptionalLong.of(reached);
  }

  private boolean costs(PlanPrices prices, Billing billing, long invocations) {
    return monthly(prices, billing, invocations).totalUsd().compareTo(serverUsdPerMonth) >= 0;
  }
}
