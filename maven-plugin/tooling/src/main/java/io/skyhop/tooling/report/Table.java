package io.skyhop.tooling.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The report's table, one row per target and function (functions grouped, targets in report order):
 * cold p50/p90, warm p50/p99, cost per million and per month, and the marks. The console and
 * Markdown renderers lay it out.
 */
final class Table {
  static final List<String> HEADER =
      List.of(
          "function",
          "target",
          "source",
          "cold p50",
          "cold p90",
          "warm p50",
          "warm p99",
          "$/1M",
          "$/month",
          "");

  private Table() {}

  /** The rows of the report, as text cells. */
  static List<List<String>> rows(Report report) {
    Marks marks = new Marks(report.results());
    List<String> functions = report.functions();
    List<String> targets = report.targets();
    List<Result> sorted = new ArrayList<>(report.results());
    sorted.sort(
        Comparator.comparingInt((Result r) -> functions.indexOf(r.function()))
            .thenComparingInt(r -> r.source().ordinal())
            .thenComparingInt(r -> targets.indexOf(r.target())));
    List<List<String>> rows = new ArrayList<>();
    for (Result r : sorted) {
      rows.add(
          List.of(
              r.function(),
              r.label(),
              r.source().id(),
              r.coldStartMs().map(c -> Format.ms(c.p50()) + " ms").orElse("-"),
              r.coldStartMs().map(c -> Format.ms(c.p90()) + " ms").orElse("-"),
              r.warmMs().map(w -> Format.ms(w.p50()) + " ms").orElse("-"),
              r.warmMs().map(w -> Format.ms(w.p99()) + " ms").orElse("-"),
              Format.usd(r.cost().perMillionUsd()),
              Format.usd(r.cost().monthlyUsd()),
              marks.label(r)));
    }
    return rows;
  }

  /** The column widths of a header and rows. */
  static int[] widths(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }
}
