package io.skyhop.tooling.report.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code skyhop.measure}: the measurement failed on one target or more; thrown after the report was
 * written with the others, naming each failed target and its reason.
 */
public final class ProviderMeasurementException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param failed the targets whose measurement failed
   * @param of how many targets were asked for
   * @param report the report written with the other targets
   */
  public ProviderMeasurementException(List<TargetStatus> failed, int of, Path report) {
    super(message(failed, of, report));
  }

  private static String message(List<TargetStatus> failed, int of, Path report) {
    StringBuilder m = new StringBuilder("skyhop.measure failed on ");
    m.append(failed.stream().map(TargetStatus::target).collect(Collectors.joining(", ")));
    m.append(" (").append(failed.size()).append(" of ").append(of);
    m.append(" targets of skyhop.targets):\n");
    for (TargetStatus s : failed) {
      m.append("  ").append(s.target()).append(": ").append(s.text()).append("\n");
    }
    m.append("The other targets are in ").append(report).append(". Fix: correct what failed,");
    m.append(" then measure again with -Dskyhop.targets=");
    m.append(failed.stream().map(TargetStatus::target).collect(Collectors.joining(",")));
    return m.toString();
  }
}
