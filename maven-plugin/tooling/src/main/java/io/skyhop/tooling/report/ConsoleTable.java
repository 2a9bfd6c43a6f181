package io.skyhop.tooling.report;

import io.skyhop.tooling.BuildListener;
import java.util.List;

/** The report as a plain-text table in the build log, with the price table's date. */
public final class ConsoleTable {
  private ConsoleTable() {}

  /** Prints the table, one line per row, through {@code listener}. */
  public static void print(Report report, BuildListener listener) {
    for (String line : lines(report)) {
      listener.info(line);
    }
  }

  /** The lines printed. */
  public static List<String> lines(Report report) {
    List<List<String>> rows = Table.rows(report);
    int[] widths = Table.widths(Table.HEADER, rows);
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add(
        "Skyhop report for "
            + report.app()
            + ": "
            + Format.count((Long) report.settings().get("invocationsPerMonth"))
            + " invocations/month, "
            + report.prices().label()
            + ", in-house runtime on a "
            + report.server()
            + " at "
            + Format.usd(report.serverUsdPerMonth())
            + "/month");
    lines.add(line(Table.HEADER, widths));
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append("-".repeat(w)).append("  ");
    }
    lines.add(rule.toString().strip());
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      boolean number = i >= 3 && i <= 8;
      String padded =
          number
              ? " ".repeat(widths[i] - cell.length()) + cell
              : cell + " ".repeat(widths[i] - cell.length());
      line.append(padded).append("  ");
    }
    return line.toString().stripTrailing();
  }
}
