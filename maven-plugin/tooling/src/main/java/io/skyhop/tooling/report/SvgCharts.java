package io.skyhop.tooling.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG (no script, no external file): cold start per target for each
 * function (bars at the median, a whisker to p90), and per function the monthly cost against the
 * monthly volume per target on log scales, with the in-house server's price and each cloud plan's
 * break-even point against it. Every drawn element carries its data in {@code data-*} attributes
 * and a {@code <title>} tooltip.
 */
final class SvgCharts {
  private static final Map<String, String> COLORS =
      Map.of("aws", "#ff9900", "azure", "#0078d4", "gcp", "#34a853", "local", "#7b3fe4");
  private static final int WIDTH = 760;
  private static final int HEIGHT = 320;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  private SvgCharts() {}

  static String color(String target) {
    return COLORS.getOrDefault(target, "#888888");
  }

  /** Grouped bars: per function, one bar per target and source at the cold-start median. */
  static String coldStarts(Report report) {
    List<Result> results =
        report.results().stream().filter(r -> r.coldStartMs().isPresent()).toList();
    List<String> functions = results.stream().map(Result::function).distinct().toList();
    List<String> series = results.stream().map(SvgCharts::series).distinct().toList();
    double max = results.stream().mapToDouble(r -> r.coldStartMs().get().p90()).max().orElse(1);
    double top = niceCeiling(max);
    StringBuilder svg = open("cold-start-chart", "Cold start per target (median, whisker to p90)");
    axisY(svg, top, "ms");
    double plotW = WIDTH - LEFT - RIGHT;
    double groupW = plotW / Math.max(1, functions.size());
    double barW = Math.min(40, (groupW - 16) / Math.max(1, series.size()));
    for (int g = 0; g < functions.size(); g++) {
      String function = functions.get(g);
      double groupX = LEFT + g * groupW + (groupW - barW * series.size()) / 2;
      for (int s = 0; s < series.size(); s++) {
        String name = series.get(s);
        for (Result r : results) {
          if (!r.function().equals(function) || !series(r).equals(name)) {
            continue;
          }
          ColdStats c = r.coldStartMs().get();
          double x = groupX + s * barW;
          double h = y(0, top) - y(c.p50(), top);
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"bar cold\" data-target=\"%s\" data-source=\"%s\" data-function=\"%s\""
                      + " data-p50=\"%.1f\" data-p90=\"%.1f\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                      + " height=\"%.1f\" fill=\"%s\" fill-opacity=\"%s\"><title>%s, %s: cold start"
                      + " p50 %s ms, p90 %s ms, %d samples</title></rect>\n",
                  Html.esc(r.target()),
                  r.source().id(),
                  Html.esc(function),
                  c.p50(),
                  c.p90(),
                  x + 1,
                  y(c.p50(), top),
                  barW - 2,
                  Math.max(0.5, h),
                  color(r.target()),
                  r.source() == Source.PROVIDER ? "0.5" : "1",
                  Html.esc(r.label()),
                  Html.esc(function),
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
                  y(c.p50(), top),
                  y(c.p90(), top)));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"group\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              LEFT + g * groupW + groupW / 2,
              HEIGHT - BOTTOM + 18,
              Html.esc(function)));
    }
    legend(svg, series, results);
    return svg.append("</svg>\n").toString();
  }

  /** Monthly cost against volume for one function, log-log, with the break-even points. */
  static String costCurves(Report report, String function) {
    List<CostCurve> curves =
        report.curves().stream().filter(c -> c.function().equals(function)).toList();
    double minX = 1e4;
    double maxX = 1e9;
    double minY = 0.01;
    double maxY = minY * 10;
    for (CostCurve c : curves) {
      for (CostCurve.Point p : c.points()) {
        maxY = Math.max(maxY, p.usd().doubleValue());
      }
    }
    maxY = Math.pow(10, Math.ceil(Math.log10(maxY)));
    String id = "cost-chart-" + function.replaceAll("[^A-Za-z0-9_-]", "_");
    StringBuilder svg = open(id, "Monthly cost of " + function + " against monthly invocations");
    svg.append(
        String.format(
            Locale.ROOT, " <g class=\"chart-meta\" data-function=\"%s\"/>\n", Html.esc(function)));
    for (double v = minX; v <= maxX; v *= 10) {
      double x = logX(v, minX, maxX);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>\n",
              x,
              x,
              TOP,
              HEIGHT - BOTTOM,
              x,
              HEIGHT - BOTTOM + 16,
              Format.volume((long) v)));
    }
    for (double v = minY; v <= maxY * 1.0001; v *= 10) {
      double y = logY(v, minY, maxY);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>\n",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              Format.usdTick(v)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">invocations per month"
                + " (log)</text>\n",
            LEFT + (WIDTH - LEFT - RIGHT) / 2,
            HEIGHT - BOTTOM + 34));
    Object volume = report.settings().get("invocationsPerMonth");
    if (volume instanceof Long v && v >= minX && v <= maxX) {
      double x = logX(v, minX, maxX);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"volume\" data-invocations=\"%d\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\""
                  + " y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"2,3\"><title>profile: %s"
                  + " invocations/month</title></line>\n",
              v,
              x,
              x,
              TOP,
              HEIGHT - BOTTOM,
              Format.count(v)));
    }
    for (CostCurve c : curves) {
      StringBuilder d = new StringBuilder();
      for (CostCurve.Point p : c.points()) {
        double x = logX(p.invocations(), minX, maxX);
        double y = logY(Math.max(minY, p.usd().doubleValue()), minY, maxY);
        d.append(d.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
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
              color(c.target()),
              c.plan().equals("local") ? " stroke-dasharray=\"6,4\"" : "",
              Html.esc(c.target()),
              Html.esc(c.plan())));
    }
    double serverY = logY(Math.max(minY, report.serverUsdPerMonth().doubleValue()), minY, maxY);
    for (CostCurve c : curves) {
      if (c.breakEvenInvocations().isEmpty()) {
        continue;
      }
      long be = c.breakEvenInvocations().getAsLong();
      if (be < minX || be > maxX) {
        continue;
      }
      double x = logX(be, minX, maxX);
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"break-even\" data-target=\"%s\" data-invocations=\"%d\" cx=\"%.1f\""
                  + " cy=\"%.1f\" r=\"5\" fill=\"white\" stroke=\"%s\" stroke-width=\"2\"><title>%s"
                  + " costs as much as the in-house runtime (%s/month) from %s invocations/month"
                  + "</title></circle>\n",
              Html.esc(c.target()),
              be,
              x,
              serverY,
              color(c.target()),
              Html.esc(c.plan()),
              Format.usd(report.serverUsdPerMonth()),
              Format.count(be)));
    }
    List<String> series = curves.stream().map(CostCurve::target).distinct().toList();
    legend(svg, series, List.of());
    return svg.append("</svg>\n").toString();
  }

  private static String series(Result r) {
    return r.source() == Source.PROVIDER ? r.target() + " (provider)" : r.target();
  }

  private static StringBuilder open(String id, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"%s\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\""
                + " height=\"%d\" font-family=\"sans-serif\"><title>%s</title>\n",
            id,
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Html.esc(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
            LEFT,
            LEFT,
            TOP,
            HEIGHT - BOTTOM,
            LEFT,
            WIDTH - RIGHT,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM));
    return svg;
  }

  private static void axisY(StringBuilder svg, double top, String unit) {
    for (int i = 0; i <= 5; i++) {
      double v = top * i / 5;
      double y = y(v, top);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s %s</text>\n",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              v == 0 ? "0" : Format.ms(v),
              unit));
    }
  }

  private static void legend(StringBuilder svg, List<String> series, List<Result> results) {
    Map<String, String> colors = new LinkedHashMap<>();
    for (String s : series) {
      colors.put(s, color(s.split(" ")[0]));
    }
    double x = LEFT;
    for (Map.Entry<String, String> e : colors.entrySet()) {
      String label = e.getKey();
      for (Result r : results) {
        if (series(r).equals(e.getKey())) {
          label = r.label();
          break;
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"legend\" x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n",
              x,
              HEIGHT - 18,
              e.getValue(),
              x + 14,
              HEIGHT - 9,
              Html.esc(label)));
      x += 24 + label.length() * 6.2;
    }
  }

  private static double y(double v, double top) {
    return HEIGHT - BOTTOM - v / top * (HEIGHT - BOTTOM - TOP);
  }

  private static double logX(double v, double min, double max) {
    return LEFT
        + (Math.log10(v) - Math.log10(min))
            / (Math.log10(max) - Math.log10(min))
            * (WIDTH - LEFT - RIGHT);
  }

  private static double logY(double v, double min, double max) {
    return HEIGHT
        - BOTTOM
        - (Math.log10(v) - Math.log10(min))
            / (Math.log10(max) - Math.log10(min))
            * (HEIGHT - BOTTOM - TOP);
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
