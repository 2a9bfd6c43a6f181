package io.skyhop.tooling.report;

import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report's inline SVG charts share (no script, no external file): the frame, colours per
 * target, the legend. Every drawn data element carries its data in {@code data-*} attributes and a
 * {@code <title>} tooltip. The charts: {@link ColdStartChart} and {@link CostChart}.
 */
final class SvgCharts {
  static final int WIDTH = 760;
  static final int HEIGHT = 320;
  static final int LEFT = 70;
  static final int RIGHT = 20;
  static final int TOP = 20;
  static final int BOTTOM = 60;

  /** The colour of a target whose provider names none. */
  private static final String NO_COLOR = "#888888";

  private SvgCharts() {}

  /** A target's colour. */
  static String color(String target) {
    return TargetProviders.loaded().stream()
        .filter(p -> p.target().id().equals(target))
        .findFirst()
        .flatMap(TargetProvider::chartColor)
        .orElse(NO_COLOR);
  }

  /** Cold start per target for each function. */
  static String coldStarts(Report report) {
    return ColdStartChart.render(report);
  }

  /** Monthly cost against volume per target, for one function. */
  static String costCurves(Report report, String function) {
    return CostChart.render(report, function);
  }

  /** The series a result belongs to: its target, or its target on the provider. */
  static String series(Result r) {
    return r.source() == Source.PROVIDER ? r.target() + " (provider)" : r.target();
  }

  /** An {@code <svg>} element with its title and axes, left open. */
  static StringBuilder open(String id, String title) {
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

  /** A horizontal grid line at {@code y} with its label. */
  static void gridY(StringBuilder svg, double y, String label) {
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
            Html.esc(label)));
  }

  /** The legend: a swatch per series, named by the first result's label when there is one. */
  static void legend(StringBuilder svg, List<String> series, List<Result> results) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String s : series) {
      labels.put(
          s,
          results.stream()
              .filter(r -> series(r).equals(s))
              .map(Result::label)
              .findFirst()
              .orElse(s));
    }
    double x = LEFT;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"legend\" x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n",
              x,
              HEIGHT - 18,
              color(e.getKey().split(" ")[0]),
              x + 14,
              HEIGHT - 9,
              Html.esc(e.getValue())));
      x += 24 + e.getValue().length() * 6.2;
    }
  }
}
