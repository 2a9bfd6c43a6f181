package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.ErrorLines;

/**
 * What {@code skyhop.measure} made of one target of {@code skyhop.targets}: measured, failed (with
 * the first line of the reason), not deployed, or deployed where cold starts cannot be forced.
 *
 * @param target the target id
 * @param failed whether its measurement failed
 * @param text the status as the report shows it
 */
public record TargetStatus(String target, boolean failed, String text) {
  static TargetStatus measured(String target, int count) {
    return new TargetStatus(target, false, "measured, " + count + " forced cold starts a function");
  }

  static TargetStatus failed(String target, Exception e) {
    return new TargetStatus(target, true, "FAILED: " + ErrorLines.first(e));
  }

  static TargetStatus notDeployed(String target) {
    return new TargetStatus(target, false, "not deployed from this project (no deploy record)");
  }

  static TargetStatus notMeasurable(String target) {
    return new TargetStatus(target, false, "deployed; cold starts cannot be forced there");
  }
}
