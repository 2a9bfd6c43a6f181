package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where the in-house runtime on a provisioned server starts to pay: for each cloud plan, the
 * monthly invocation count from which the plan's monthly cost (free tier applied) reaches the
 * server's monthly price.
 *
 * @param prices the price table the figures come from
 * @param serverUsdPerMonth the server's monthly price compared with
 * @param points one point per cloud plan, in {@link Plan} order
 */
public record BreakEven(PriceStamp prices, BigDecimal serverUsdPerMonth, List<Point> points) {

  /**
   * The break-even of one plan.
   *
   * @param plan the cloud plan
   * @param invocationsPerMonth the least whole number of monthly invocations at which the plan
   *     costs at least as much as the server; empty if it never does (a plan that costs nothing)
   */
  public record Point(Plan plan, OptionalLong invocationsPerMonth) {

    /** Checks that both parts are present. */
    public Point {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(invocationsPerMonth, "invocationsPerMonth");
    }
  }

  /** Checks that every part is present and copies the points. */
  public BreakEven {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(serverUsdPerMonth, "serverUsdPerMonth");
    points = List.copyOf(points);
  }

  /** The break-even volume of {@code plan}; empty if it never breaks even or is not listed. */
  public OptionalLong invocationsPerMonth(Plan plan) {
    return points.stream()
        .filter(point -> point.plan() == plan)
        .map(Point::invocationsPerMonth)
        .findFirst()
        .orElse(OptionalLong.empty());
  }
}
