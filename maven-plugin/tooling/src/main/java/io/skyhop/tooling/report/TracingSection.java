package io.skyhop.tooling.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's "Cold start with tracing on" section, in each of its renderings: per target and
 * function the median cold start with tracing off, with tracing on, what tracing adds, and the
 * spans the lab's receiver got.
 */
final class TracingSection {
  /** The column names. */
  static final List<String> HEADER =
      List.of("function", "target", "cold p50 off (ms)", "cold p50 on (ms)", "added (ms)", "spans");

  private static final String INTRO =
      "Cold starts also measured with OTEL_EXPORTER_OTLP_ENDPOINT set to an OTLP receiver the lab"
          + " runs, in the same rounds as with tracing off; the spans column counts what it received"
          + " (0: tracing did not run).";

  private TracingSection() {}

  /** The rows, in the report's order. */
  static List<List<String>> rows(Report report) {
    List<List<String>> rows = new ArrayList<>();
    for (TracingColdStart t : report.tracing()) {
      rows.add(
          List.of(
              t.function(),
              t.label(),
              t.off().map(s -> Format.ms(s.p50())).orElse("-"),
              t.on().map(s -> Format.ms(s.p50())).orElse("-"),
              t.addedP50Ms().isPresent()
                  ? String.format(Locale.ROOT, "%+.0f", t.addedP50Ms().getAsDouble())
                  : "-",
              Integer.toString(t.spans())));
    }
    return rows;
  }

  /** {@code report.json}'s {@code tracing} array. */
  static JsonArray json(Report report) {
    JsonArray a = new JsonArray();
    for (TracingColdStart t : report.tracing()) {
      JsonObject o = new JsonObject();
      o.addProperty("target", t.target());
      o.addProperty("label", t.label());
      o.addProperty("function", t.function());
      o.add("coldStartOffMs", t.off().<JsonElement>map(JsonReport::cold).orElse(JsonNull.INSTANCE));
      o.add("coldStartOnMs", t.on().<JsonElement>map(JsonReport::cold).orElse(JsonNull.INSTANCE));
      if (t.addedP50Ms().isPresent()) {
        o.addProperty("addedP50Ms", Format.round1(t.addedP50Ms().getAsDouble()));
      } else {
        o.add("addedP50Ms", JsonNull.INSTANCE);
      }
      o.addProperty("spansReceived", t.spans());
      a.add(o);
    }
    return a;
  }

  /** The HTML section; empty when nothing was measured with tracing on. */
  static String html(Report report) {
    if (report.tracing().isEmpty()) {
      return "";
    }
    StringBuilder t = new StringBuilder("<h2>Cold start with tracing on</h2>\n");
    t.append("<p class=\"meta\">").append(Html.esc(INTRO)).append("</p>\n");
    t.append("<table class=\"tracing\">\n<thead><tr>");
    HEADER.forEach(h -> t.append("<th>").append(Html.esc(h)).append("</th>"));
    t.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows(report)) {
      t.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        t.append(i >= 2 ? "<td class=\"n\">" : "<td>").append(Html.esc(row.get(i))).append("</td>");
      }
      t.append("</tr>\n");
    }
    return t.append("</tbody>\n</table>\n").toString();
  }

  /** The Markdown section; empty when nothing was measured with tracing on. */
  static String markdown(Report report) {
    if (report.tracing().isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n## Cold start with tracing on\n\n");
    md.append(INTRO).append("\n\n| ").append(String.join(" | ", HEADER)).append(" |\n");
    md.append("|---|---|--:|--:|--:|--:|\n");
    for (List<String> row : rows(report)) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return md.toString();
  }
}
