package io.skyhop.tooling.report;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.md}: the table, the break-even points and the notes, for pull requests and wikis.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The document. */
  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    header(report, md);
    md.append("## Cold start, latency and cost\n\n");
    md.append(row(Table.HEADER.subList(0, Table.HEADER.size() - 1), "marks"));
    md.append("|---|---|---|--:|--:|--:|--:|--:|--:|---|\n");
    for (List<String> r : Table.rows(report)) {
      md.append(row(r.subList(0, r.size() - 1), r.get(r.size() - 1)));
    }
    md.append(TracingSection.markdown(report));
    breakEven(report, md);
    md.append("\n## Notes\n\n");
    for (String note : report.notes()) {
      md.append("- ").append(note).append("\n");
    }
    for (Result r : report.results()) {
      for (String note : r.notes()) {
        md.append("- ").append(r.label()).append(", ").append(r.function()).append(": ");
        md.append(note).append("\n");
      }
    }
    return md.toString();
  }

  private static void header(Report report, StringBuilder md) {
    md.append("# Skyhop report: ").append(report.app()).append("\n\n");
    md.append("Generated ").append(report.generatedAt()).append(" on ").append(report.machine());
    md.append(" (").append(report.mode()).append(").\n\n");
    md.append("- Volume: ");
    md.append(Format.count((Long) report.settings().get("invocationsPerMonth")));
    md.append(" invocations a month, cold-start ratio ");
    md.append(report.settings().get("coldStartRatio")).append("\n");
    md.append("- Prices: ").append(report.prices().label());
    md.append(" (list prices, free tiers applied to the monthly cost)\n");
    md.append("- In-house runtime: a ").append(report.server()).append(" at ");
    md.append(Format.usd(report.serverUsdPerMonth())).append(" a month\n");
    md.append("- Settings: ").append(report.settings()).append("\n\n");
  }

  private static void breakEven(Report report, StringBuilder md) {
    md.append("\n## Break-even against the in-house runtime\n\n");
    md.append("Monthly volume from which each cloud plan costs as much as a ");
    md.append(report.server()).append(" (").append(Format.usd(report.serverUsdPerMonth()));
    md.append("/month) running the in-house runtime:\n\n");
    md.append("| function | target | plan | billed ms | billed MB | break-even |\n");
    md.append("|---|---|---|--:|--:|--:|\n");
    for (Result r : report.results()) {
      List<PlanCost> plans = new ArrayList<>();
      plans.add(r.cost());
      plans.addAll(r.otherPlans());
      for (PlanCost p : plans) {
        if (p.plan().equals("local")) {
          continue;
        }
        String memory =
            p.billedMemoryMb().isPresent() ? Integer.toString(p.billedMemoryMb().getAsInt()) : "-";
        String volume =
            p.breakEvenInvocations().isPresent()
                ? Format.count(p.breakEvenInvocations().getAsLong()) + "/month"
                : "never";
        md.append("| ").append(r.function()).append(" | ").append(r.label()).append(" | ");
        md.append(p.plan()).append(" | ").append(p.billedMs()).append(" | ").append(memory);
        md.append(" | ").append(volume).append(" |\n");
      }
    }
  }

  private static String row(List<String> cells, String last) {
    StringBuilder line = new StringBuilder("|");
    for (String c : cells) {
      line.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    line.append(' ').append(last).append(" |\n");
    return line.toString();
  }
}
