package io.skyhop.tooling.report;

import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external URL),
 * readable offline: the settings and price table date, the cold-start chart, the table, a cost
 * against volume chart per function with the break-even points, and the notes.
 */
public final class HtmlReport {
  private static final String CSS =
      "body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0;font-size:14px}"
          + "th,td{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right;white-space:nowrap}"
          + "th{background:#f4f4f4}tr.cheapest td.mark,tr.fastest td.mark{font-weight:bold}"
          + ".chart{display:block;margin:1em 0;border:1px solid #eee}"
          + ".meta{color:#555}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}";

  private HtmlReport() {}

  /** The page. */
  public static String render(Report report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Skyhop report: ")
        .append(Html.esc(report.app()))
        .append("</title>\n")
        .append("<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>Skyhop report: ").append(Html.esc(report.app())).append("</h1>\n");
    html.append("<p class=\"meta\">Generated ")
        .append(Html.esc(report.generatedAt().toString()))
        .append(" on ")
        .append(Html.esc(report.machine()))
        .append(" (")
        .append(Html.esc(report.mode()))
        .append("). Volume ")
        .append(Format.count((Long) report.settings().get("invocationsPerMonth")))
        .append(" invocations a month, cold-start ratio ")
        .append(report.settings().get("coldStartRatio"))
        .append(". <strong>")
        .append(Html.esc(report.prices().label()))
        .append("</strong>; the in-house runtime on a ")
        .append(Html.esc(report.server()))
        .append(" at ")
        .append(Format.usd(report.serverUsdPerMonth()))
        .append(" a month.</p>\n");
    if (report.results().stream().anyMatch(r -> r.coldStartMs().isPresent())) {
      html.append("<h2>Cold start per target</h2>\n").append(SvgCharts.coldStarts(report));
    }
    html.append("<h2>Cold start, latency and cost</h2>\n").append(table(report));
    html.append(TracingSection.html(report));
    html.append("<h2>Monthly cost against volume</h2>\n")
        .append("<p class=\"meta\">Free tiers applied. Circles mark where a cloud plan starts to")
        .append(" cost as much as the in-house runtime on its server (the dashed line).</p>\n");
    for (String function : report.functions()) {
      html.append("<h3>")
          .append(Html.esc(function))
          .append("</h3>\n")
          .append(SvgCharts.costCurves(report, function));
    }
    html.append("<h2>Notes</h2>\n<ul>\n");
    for (String note : report.notes()) {
      html.append("<li>").append(Html.esc(note)).append("</li>\n");
    }
    for (Result r : report.results()) {
      for (String note : r.notes()) {
        html.append("<li>")
            .append(Html.esc(r.label() + ", " + r.function() + ": " + note))
            .append("</li>\n");
      }
    }
    html.append("</ul>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String table(Report report) {
    StringBuilder t = new StringBuilder("<table class=\"results\">\n<thead><tr>");
    for (String h : Table.HEADER) {
      t.append("<th>").append(Html.esc(h.isEmpty() ? "marks" : h)).append("</th>");
    }
    t.append("</tr></thead>\n<tbody>\n");
    List<List<String>> rows = Table.rows(report);
    for (List<String> row : rows) {
      String marks = row.get(row.size() - 1);
      t.append("<tr class=\"").append(marks.replace(",", "")).append("\">");
      for (int i = 0; i < row.size(); i++) {
        boolean number = i >= 3 && i <= 8;
        String cls = i == row.size() - 1 ? " class=\"mark\"" : number ? " class=\"n\"" : "";
        String cell = Html.esc(row.get(i));
        if (i == 1) {
          String target = row.get(1).split(" ")[0];
          cell =
              "<span class=\"swatch\" style=\"background:"
                  + SvgCharts.color(target)
                  + "\"></span>"
                  + cell;
        }
        t.append("<td").append(cls).append(">").append(cell).append("</td>");
      }
      t.append("</tr>\n");
    }
    return t.append("</tbody>\n</table>\n").toString();
  }
}
