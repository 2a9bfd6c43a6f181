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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The renderers on a fixed report: two targets measured locally and one provider figure. */
class RenderingTest {
  private static final PriceStamp PRICES = new PriceStamp("2026.11.1", LocalDate.of(2026, 11, 26));

  private final Report report = report();

  @Test
  void jsonHoldsTheContractsFiguresPerTargetAndFunction() {
    JsonObject root = JsonParser.parseString(JsonReport.render(report)).getAsJsonObject();
    assertThat(root.get("schema").getAsInt()).isEqualTo(1);
    assertThat(root.get("settings").toString())
        .isEqualTo("{\"invocationsPerMonth\":1000000,\"coldStartRatio\":0.01}");
    JsonObject aws = root.getAsJsonArray("results").get(0).getAsJsonObject();
    assertThat(aws.get("coldStartMs").toString())
        .isEqualTo("{\"p50\":412.3,\"p90\":530.1,\"max\":611.0,\"samples\":5}");
    assertThat(aws.get("initMs").toString())
        .isEqualTo("{\"p50\":350.0,\"p90\":420.0,\"max\":500.0,\"samples\":5}");
    assertThat(aws.get("warmMs").toString()).isEqualTo("{\"p50\":1.2,\"p99\":9.9,\"samples\":50}");
    assertThat(aws.get("memoryMb").getAsInt()).isEqualTo(512);
    assertThat(aws.get("billedMs").getAsLong()).isEqualTo(2);
    assertThat(aws.get("costUsd").toString()).isEqualTo("{\"perMillion\":0.216667,\"monthly\":0}");
    assertThat(aws.get("prices").toString())
        .isEqualTo("{\"version\":\"2026.11.1\",\"date\":\"2026-11-26\"}");
    assertThat(aws.get("source").getAsString()).isEqualTo("measured-locally");
    assertThat(aws.get("cheapest").getAsBoolean()).isTrue();
    assertThat(aws.get("fastest").getAsBoolean()).isFalse();
    JsonObject local = root.getAsJsonArray("results").get(1).getAsJsonObject();
    assertThat(local.get("fastest").getAsBoolean()).isTrue();
    assertThat(local.has("initMs")).isFalse();
    JsonObject provider = root.getAsJsonArray("results").get(2).getAsJsonObject();
    assertThat(provider.get("source").getAsString()).isEqualTo("provider");
    assertThat(provider.get("cheapest").getAsBoolean()).isFalse();
  }

  @Test
  void theConsoleTableMarksTheCheapestAndTheFastest() {
    assertThat(ConsoleTable.lines(report))
        .containsExactly(
            "Skyhop report for orders: 1,000,000 invocations/month, prices 2026.11.1 of 2026-11-26,"
                + " in-house runtime on a t4g.small at $12.26/month",
            "function  target                          source            cold p50  cold p90  warm p50"
                + "  warm p99     $/1M  $/month",
            "--------  ------------------------------  ----------------  --------  --------  --------"
                + "  --------  -------  -------  --------",
            "get       aws (runtime interface client)  measured-locally    412 ms    530 ms    1.2 ms"
                + "    9.9 ms  $0.2167    $0.00  cheapest",
            "get       local (in-house runtime)        measured-locally    250 ms    300 ms    2.0 ms"
                + "    3.0 ms   $12.26   $12.26  fastest",
            "get       aws (Lambda, provider)          provider            790 ms    800 ms    3.0 ms"
                + "    3.0 ms  $0.2167    $0.00");
  }

  @Test
  void markdownHasTheTableBreakEvenAndNotes() {
    String md = MarkdownReport.render(report);
    assertThat(md)
        .contains(
            "| get | aws (runtime interface client) | measured-locally | 412 ms | 530 ms | 1.2 ms"
                + " | 9.9 ms | $0.2167 | $0.00 | cheapest |")
        .contains(
            "| get | aws (runtime interface client) | aws-x86_64 | 2 | 512 | 55,000,000/month |")
        .contains("- aws (Lambda, provider), get: from Lambda's REPORT");
  }

  @Test
  void htmlIsOneOfflinePageWithItsChartsAsInlineSvg() {
    String html = HtmlReport.render(report);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("http://", "https://", "<script");
    assertThat(count(html, "<rect class=\"bar cold\"")).isEqualTo(3);
    assertThat(html).contains("data-target=\"aws\" data-source=\"provider\" data-function=\"get\"");
    assertThat(count(html, "<path class=\"cost-line\"")).isEqualTo(2);
    assertThat(html)
        .contains("<circle class=\"break-even\" data-target=\"aws\" data-invocations=\"55000000\"");
    assertThat(html).contains("&lt;b&gt;note&lt;/b&gt;");
  }

  private static int count(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }

  static Report report() {
    PlanCost aws =
        new PlanCost(
            "aws-x86_64",
            2,
            352,
            OptionalInt.of(512),
            new BigDecimal("0.2166667"),
            BigDecimal.ZERO,
            OptionalLong.of(55_000_000));
    PlanCost local =
        new PlanCost(
            "local",
            2,
            2,
            OptionalInt.empty(),
            new BigDecimal("12.26"),
            new BigDecimal("12.26"),
            OptionalLong.empty());
    Result awsLocal =
        new Result(
            "aws",
            "aws (runtime interface client)",
            "get",
            "http",
            Source.MEASURED_LOCALLY,
            Optional.of(new ColdStats(412.34, 530.1, 611, 5)),
            Optional.of(new ColdStats(350, 420, 500, 5)),
            Optional.of(new WarmStats(1.24, 9.87, 50)),
            OptionalDouble.of(1.1),
            512,
            OptionalInt.of(47),
            aws,
            List.of(),
            PRICES,
            List.of("<b>note</b>"));
    Result onLocal =
        new Result(
            "local",
            "local (in-house runtime)",
            "get",
            "http",
            Source.MEASURED_LOCALLY,
            Optional.of(new ColdStats(250, 300, 310, 5)),
            Optional.empty(),
            Optional.of(new WarmStats(2, 3, 50)),
            OptionalDouble.of(1.5),
            512,
            OptionalInt.of(60),
            local,
            List.of(),
            PRICES,
            List.of());
    Result provider =
        new Result(
            "aws",
            "aws (Lambda, provider)",
            "get",
            "http",
            Source.PROVIDER,
            Optional.of(new ColdStats(790, 800, 800, 2)),
            Optional.of(new ColdStats(750, 760, 760, 2)),
            Optional.of(new WarmStats(3, 3, 2)),
            OptionalDouble.of(3),
            512,
            OptionalInt.of(130),
            aws,
            List.of(),
            PRICES,
            List.of("from Lambda's REPORT"));
    List<CostCurve.Point> points =
        List.of(
            new CostCurve.Point(10_000, BigDecimal.ZERO),
            new CostCurve.Point(1_000_000_000L, new BigDecimal("216.67")));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("invocationsPerMonth", 1_000_000L);
    settings.put("coldStartRatio", 0.01);
    return new Report(
        "orders",
        Instant.parse("2026-11-26T12:00:00Z"),
        "measured",
        "2 cores, Java 17",
        settings,
        PRICES,
        "t4g.small",
        new BigDecimal("12.26"),
        List.of(awsLocal, onLocal, provider),
        List.of(
            new CostCurve("aws", "get", "aws-x86_64", points, OptionalLong.of(55_000_000)),
            new CostCurve(
                "local",
                "get",
                "local",
                List.of(
                    new CostCurve.Point(10_000, new BigDecimal("12.26")),
                    new CostCurve.Point(1_000_000_000L, new BigDecimal("12.26"))),
                OptionalLong.empty())),
        List.of(),
        List.of());
  }
}
