package io.skyhop.tooling.report;

import java.util.List;
import java.util.Locale;

/**
 * The monthly cost of one function against the monthly volume, one line per target's main plan, on
 * log scales (10 thousand to 1 billion invocations; $0.01 up), free tiers applied (a cost below
 * $0.01 is drawn at $0.01); the profile's volume as a dotted line, and a circle where each cloud
 * plan reaches the in-house server's price (the in-house line is dashed).
 */
final class CostChart {
  private static final double MIN_X = 1e4;
  private static final double MAX_X = 1e9;
  private static final double MIN_Y = 0.01;

  private final StringBuilder svg;
  private final double maxY;

  private CostChart(StringBuilder svg, double maxY) {
    this.svg = svg;
    this.maxY = maxY;
  }

  static String render(Report report, String function) {
    List<CostCurve> curves =
        report.curves().stream().filter(c -> c.function().equals(function)).toList();
    double highest = MIN_Y * 10;
    for (CostCurve c : curves) {
      for (CostCurve.Point p : c.points()) {
        highest = Math.max(highest, p.usd().doubleValue());
      }
    }
    String id = "cost-chart-" + function.replaceAll("[^A-Za-z0-9_-]", "_");
    CostChart chart =
        new CostChart(
            SvgCharts.open(id, "Monthly cost of " + function + " against monthly invocations"),
            Math.pow(10, Math.ceil(Math.log10(highest))));
    chart.axes();
    if (report.settings().get("invocationsPerMonth") instanceof Long volume) {
      chart.volume(volume);
    }
    curves.forEach(chart::line);
    double server = report.serverUsdPerMonth().doubleValue();
    for (CostCurve c : curves) {
      c.breakEvenInvocations().ifPresent(be -> chart.breakEven(c, be, report, server));
    }
    SvgCharts.legend(
        chart.svg, curves.stream().map(CostCurve::target).distinct().toList(), List.of());
    return chart.svg.append("</svg>\n").toString();
  }

  private void axes() {
    for (double v = MIN_X; v <= MAX_X; v *= 10) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>\n",
              x(v),
              x(v),
              SvgCharts.TOP,
              SvgCharts.HEIGHT - SvgCharts.BOTTOM,
              x(v),
              SvgCharts.HEIGHT - SvgCharts.BOTTOM + 16,
              Format.volume((long) v)));
    }
    for (double v = MIN_Y; v <= maxY * 1.0001; v *= 10) {
      SvgCharts.gridY(svg, y(v), Format.usdTick(v));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">invocations per month"
                + " (log)</text>\n",
            SvgCharts.LEFT + (SvgCharts.WIDTH - SvgCharts.LEFT - SvgCharts.RIGHT) / 2,
            SvgCharts.HEIGHT - SvgCharts.BOTTOM + 34));
  }

  private void volume(long invocations) {
    if (invocations < MIN_X || invocations > MAX_X) {
      return;
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"volume\" data-invocations=\"%d\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\""
                + " y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"2,3\"><title>profile: %s"
                + " invocations/month</title></line>\n",
            invocations,
            x(invocations),
            x(invocations),
            SvgCharts.TOP,
            SvgCharts.HEIGHT - SvgCharts.BOTTOM,
            Format.count(invocations)));
  }

  private void line(CostCurve c) {
    StringBuilder d = new StringBuilder();
    for (CostCurve.Point p : c.points()) {
      d.append(d.length() == 0 ? "M" : " L")
          .append(
              String.format(
                  Locale.ROOT,
                  "%.1f %.1f",
                  x(p.invocations()),
                  y(Math.max(MIN_Y, p.usd().doubleValue()))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<path class=\"cost-line\" data-target=\"%s\" data-plan=\"%s\" data-points=\"%d\""
                + " d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s><title>%s (%s)</title>"
                + "</path>\n",
            Html.esc(c.target()),
            Html.esc(c.plan()),
            c.points().size(),
            d,
            SvgCharts.color(c.target()),
            c.plan().equals("local") ? " stroke-dasharray=\"6,4\"" : "",
            Html.esc(c.target()),
            Html.esc(c.plan())));
  }

  private void breakEven(CostCurve c, long invocations, Report report, double server) {
    if (invocations < MIN_X || invocations > MAX_X) {
      return;
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle class=\"break-even\" data-target=\"%s\" data-invocations=\"%d\" cx=\"%.1f\""
                + " cy=\"%.1f\" r=\"5\" fill=\"white\" stroke=\"%s\" stroke-width=\"2\"><title>%s"
                + " costs as much as the in-house runtime (%s/month) from %s invocations/month"
                + "</title></circle>\n",
            Html.esc(c.target()),
            invocations,
            x(invocations),
            y(Math.max(MIN_Y, server)),
            SvgCharts.color(c.target()),
            Html.esc(c.plan()),
            Format.usd(report.serverUsdPerMonth()),
            Format.count(invocations)));
  }

  private static double x(double v) {
    return SvgCharts.LEFT
        + (Math.log10(v) - Math.log10(MIN_X))
            / (Math.log10(MAX_X) - Math.log10(MIN_X))
            * (SvgCharts.WIDTH - SvgCharts.LEFT - SvgCharts.RIGHT);
  }

  private double y(double v) {
    return SvgCharts.HEIGHT
        - SvgCharts.BOTTOM
        - (Math.log10(v) - Math.log10(MIN_Y))
            / (Math.log10(maxY) - Math.log10(MIN_Y))
            * (SvgCharts.HEIGHT - SvgCharts.BOTTOM - SvgCharts.TOP);
  }
}
