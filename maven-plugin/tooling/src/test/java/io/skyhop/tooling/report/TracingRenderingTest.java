package io.skyhop.tooling.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.cost.PriceStamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report's cold start with tracing off beside on, in every rendering. */
class TracingRenderingTest {
  private static final TracingColdStart AWS =
      new TracingColdStart(
          "aws",
          "aws (runtime interface client)",
          "get",
          Optional.of(new ColdStats(412.3, 530.1, 611, 3)),
          Optional.of(new ColdStats(655.1, 700, 712.4, 3)),
          4);
  private static final TracingColdStart GCP =
      new TracingColdStart(
          "gcp",
          "gcp (function invoker)",
          "get",
          Optional.of(new ColdStats(900, 950, 990, 3)),
          Optional.of(new ColdStats(880, 990, 1010, 3)),
          0);

  private final Report report = report(List.of(AWS, GCP));

  @Test
  void jsonHoldsOffOnTheDifferenceAndTheSpansPerTargetAndFunction() {
    JsonObject root = JsonParser.parseString(JsonReport.render(report)).getAsJsonObject();
    assertThat(root.getAsJsonArray("tracing").get(0).toString())
        .isEqualTo(
            "{\"target\":\"aws\",\"label\":\"aws (runtime interface client)\",\"function\":\"get\","
                + "\"coldStartOffMs\":{\"p50\":412.3,\"p90\":530.1,\"max\":611.0,\"samples\":3},"
                + "\"coldStartOnMs\":{\"p50\":655.1,\"p90\":700.0,\"max\":712.4,\"samples\":3},"
                + "\"addedP50Ms\":242.8,\"spansReceived\":4}");
    assertThat(
            root.getAsJsonArray("tracing").get(1).getAsJsonObject().get("addedP50Ms").getAsDouble())
        .isEqualTo(-20.0);
  }

  @Test
  void htmlShowsBothColumnsAndTheDifference() {
    String html = HtmlReport.render(report);
    assertThat(html)
        .contains("<h2>Cold start with tracing on</h2>")
        .contains(
            "<tr><th>function</th><th>target</th><th>cold p50 off (ms)</th><th>cold p50 on"
                + " (ms)</th><th>added (ms)</th><th>spans</th></tr>")
        .contains(
            "<tr><td>get</td><td>aws (runtime interface client)</td><td class=\"n\">412</td>"
                + "<td class=\"n\">655</td><td class=\"n\">+243</td><td class=\"n\">4</td></tr>")
        .contains(
            "<tr><td>get</td><td>gcp (function invoker)</td><td class=\"n\">900</td>"
                + "<td class=\"n\">880</td><td class=\"n\">-20</td><td class=\"n\">0</td></tr>");
  }

  @Test
  void markdownShowsTheSameRows() {
    assertThat(MarkdownReport.render(report))
        .contains(
            "| function | target | cold p50 off (ms) | cold p50 on (ms) | added (ms) | spans |\n"
                + "|---|---|--:|--:|--:|--:|\n"
                + "| get | aws (runtime interface client) | 412 | 655 | +243 | 4 |\n"
                + "| get | gcp (function invoker) | 900 | 880 | -20 | 0 |\n");
  }

  @Test
  void aReportWithoutTracingHasNoSection() {
    Report untraced = report(List.of());
    assertThat(HtmlReport.render(untraced)).doesNotContain("tracing on");
    assertThat(MarkdownReport.render(untraced)).doesNotContain("tracing on");
    assertThat(JsonParser.parseString(JsonReport.render(untraced)).getAsJsonObject().get("tracing"))
        .hasToString("[]");
  }

  @Test
  void notesNameTheMeasurementWithoutSpans() {
    assertThat(TracingColdStart.notes(List.of(AWS, GCP)))
        .containsExactly(
            "gcp (function invoker), get: no span reached the lab's OTLP receiver, so its"
                + " tracing-on figure is not a tracing figure; see the instance logs.");
  }

  private static Report report(List<TracingColdStart> tracing) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("invocationsPerMonth", 1_000_000L);
    settings.put("coldStartRatio", 0.01);
    return new Report(
        "orders",
        Instant.parse("2026-11-26T12:00:00Z"),
        "measured",
        "2 cores, Java 17",
        settings,
        new PriceStamp("2026.11.1", LocalDate.of(2026, 11, 26)),
        "t4g.small",
        new BigDecimal("12.26"),
        List.of(),
        List.of(),
        List.of(),
        tracing);
  }
}
