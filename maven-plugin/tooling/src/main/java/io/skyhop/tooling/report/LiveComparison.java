package io.skyhop.tooling.report;

import io.skyhop.tooling.report.provider.TargetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code skyhop.measure} over several targets: one column per target of {@code skyhop.targets}, its
 * status first (measured, failed with the reason, not deployed), then per function the cold start
 * and warm latency measured on the provider next to the local lab's, and the monthly cost priced
 * from the provider's figures. In {@code report.md} and the build log.
 */
final class LiveComparison {
  private LiveComparison() {}

  /** The Markdown section; empty when nothing was measured on a provider. */
  static String markdown(Report report, List<TargetStatus> statuses) {
    if (statuses.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n## Measured on the providers, side by side\n\n");
    for (String line : lines(report, statuses)) {
      md.append(line).append("\n");
    }
    return md.toString();
  }

  /** The table as Markdown lines. */
  static List<String> lines(Report report, List<TargetStatus> statuses) {
    List<String> lines = new ArrayList<>();
    lines.add(row("target", statuses.stream().map(TargetStatus::target).toList()));
    lines.add("|---" + "|---".repeat(statuses.size()) + "|");
    lines.add(row("status", statuses.stream().map(TargetStatus::text).toList()));
    // the functions measured on this machine or a provider (a what-if profile is none)
    List<String> functions =
        report.functions().stream()
            .filter(
                f ->
                    report.results().stream()
                        .anyMatch(r -> r.function().equals(f) && r.source() != Source.WHAT_IF))
            .toList();
    for (String function : functions) {
      lines.add(
          cells(
              report,
              statuses,
              function + ": cold p50, provider",
              function,
              Source.PROVIDER,
              r -> r.coldStartMs().map(c -> Format.ms(c.p50()) + " ms")));
      lines.add(
          cells(
              report,
              statuses,
              function + ": cold p50, local lab",
              function,
              Source.MEASURED_LOCALLY,
              r -> r.coldStartMs().map(c -> Format.ms(c.p50()) + " ms")));
      lines.add(
          cells(
              report,
              statuses,
              function + ": warm p50, provider",
              function,
              Source.PROVIDER,
              r -> r.warmMs().map(w -> Format.ms(w.p50()) + " ms")));
      lines.add(
          cells(
              report,
              statuses,
              function + ": $/month, provider",
              function,
              Source.PROVIDER,
              r -> Optional.of(Format.usd(r.cost().monthlyUsd()))));
    }
    return lines;
  }

  private static String cells(
      Report report,
      List<TargetStatus> statuses,
      String label,
      String function,
      Source source,
      Function<Result, Optional<String>> figure) {
    List<String> cells = new ArrayList<>();
    for (TargetStatus s : statuses) {
      cells.add(
          report.results().stream()
              .filter(r -> r.target().equals(s.target()) && r.function().equals(function))
              .filter(r -> r.source() == source)
              .findFirst()
              .flatMap(figure)
              .orElse("-"));
    }
    return row(label, cells);
  }

  private static String row(String first, List<String> cells) {
    StringBuilder line = new StringBuilder("| ").append(first).append(" |");
    for (String c : cells) {
      line.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    return line.toString();
  }
}
