package io.skyhop.tooling.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;

/**
 * The monthly cost of one function on one target's main plan against the monthly volume, free tier
 * applied: the points the HTML report draws.
 *
 * @param target the target id
 * @param function the function name
 * @param plan the plan id
 * @param points cost per volume, volumes ascending
 * @param breakEvenInvocations where the plan reaches the in-house server's price
 */
public record CostCurve(
    String target,
    String function,
    String plan,
    List<Point> points,
    OptionalLong breakEvenInvocations) {

  /**
   * One point.
   *
   * @param invocations monthly invocations
   * @param usd the month's cost
   */
  public record Point(long invocations, BigDecimal usd) {}

  /** Copies the points. */
  public CostCurve {
    points = List.copyOf(points);
  }
}
