package io.skyhop.tooling.report;

import java.util.List;
import java.util.Locale;

/**
 * Cold start per target: for each function a group of bars, one per target (and per target on the
 * provider, paler), at the median, with a whisker to p90; a linear axis in ms.
 */
final class ColdStartChart {
  private final StringBuilder svg;
  private final double top;

  private ColdStartChart(StringBuilder svg, double top) {
    this.svg = svg;
    this.top = top;
  }

  static String render(Report report) {
    List<Result> results =
        report.results().stream().filter(r -> r.coldStartMs().isPresent()).toList();
    List<String> functions = results.stream().map(Result::function).distinct().toList();
    List<String> series = results.stream().map(SvgCharts::series).distinct().toList();
    double max = results.stream().mapToDouble(r -> r.coldStartMs().get().p90()).max().orElse(1);
    ColdStartChart chart =
        new ColdStartChart(
            SvgCharts.open("cold-start-chart", "Cold start per target (median, whisker to p90)"),
            niceCeiling(max));
    for (int i = 0; i <= 5; i++) {
      double v = chart.top * i / 5;
      SvgCharts.gridY(chart.svg, chart.y(v), (v == 0 ? "0" : Format.ms(v)) + " ms");
    }
    double groupW =
        (SvgCharts.WIDTH - SvgCharts.LEFT - SvgCharts.RIGHT)
            / (double) Math.max(1, functions.size());
    double barW = Math.min(40, (groupW - 16) / Math.max(1, series.size()));
    for (int g = 0; g < functions.size(); g++) {
      String function = functions.get(g);
      double groupX = SvgCharts.LEFT + g * groupW + (groupW - barW * series.size()) / 2;
      for (Result r : results) {
        if (r.function().equals(function)) {
          chart.bar(r, groupX + series.indexOf(SvgCharts.series(r)) * barW, barW);
        }
      }
      chart.svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"group\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              SvgCharts.LEFT + g * groupW + groupW / 2,
              SvgCharts.HEIGHT - SvgCharts.BOTTOM + 18,
              Html.esc(function)));
    }
    SvgCharts.legend(chart.svg, series, results);
    return chart.svg.append("</svg>\n").toString();
  }

  private void bar(Result r, double x, double barW) {
    ColdStats c = r.coldStartMs().orElseThrow();
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"bar cold\" data-target=\"%s\" data-source=\"%s\" data-function=\"%s\""
                + " data-p50=\"%.1f\" data-p90=\"%.1f\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\" fill=\"%s\" fill-opacity=\"%s\"><title>%s, %s: cold start"
                + " p50 %s ms, p90 %s ms, %d samples</title></rect>\n",
            Html.esc(r.target()),
            r.source().id(),
            Html.esc(r.function()),
            c.p50(),
            c.p90(),
            x + 1,
            y(c.p50()),
            barW - 2,
            Math.max(0.5, y(0) - y(c.p50())),
            SvgCharts.color(r.target()),
            r.source() == Source.PROVIDER ? "0.5" : "1",
            Html.esc(r.label()),
            Html.esc(r.function()),
            Format.ms(c.p50()),
            Format.ms(c.p90()),
            c.samples()));
    double cx = x + barW / 2;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"whisker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\""
                + " stroke=\"#333\"/>\n",
            cx,
            cx,
            y(c.p50()),
            y(c.p90())));
  }

  private double y(double v) {
    return SvgCharts.HEIGHT
        - SvgCharts.BOTTOM
        - v / top * (SvgCharts.HEIGHT - SvgCharts.BOTTOM - SvgCharts.TOP);
  }

  private static double niceCeiling(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, max))));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
