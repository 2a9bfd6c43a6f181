package io.skyhop.tooling.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.lab.LabTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dskyhop.durationMs=100 -Dskyhop.memoryMb=512}: prices without measuring, on every target,
 * and the figures are the published worked examples (pricing-and-cold-starts.md).
 */
class WhatIfReportTest {
  @TempDir Path project;

  @Test
  void pricesTheGivenProfileOnEveryTargetWithoutMeasuring() throws Exception {
    Map<String, String> values = Map.of("skyhop.durationMs", "100", "skyhop.memoryMb", "512");
    List<String> log = new ArrayList<>();
    Path dir = project.resolve("target/skyhop");
    new Reporter(BuildListener.collecting(log))
        .run(
            new ReportRequest(
                "orders",
                project,
                dir,
                ReportSettings.of(values, project),
                LabTools.withoutRuntimes(),
                values));

    JsonObject report =
        JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("what-if");
    assertThat(report.get("prices").toString())
        .isEqualTo("{\"version\":\"2026.11.1\",\"date\":\"2026-11-26\"}");
    assertThat(report.get("server").toString())
        .isEqualTo("{\"type\":\"t4g.small\",\"usdPerMonth\":12.26}");
    List<JsonObject> results =
        report.getAsJsonArray("results").asList().stream().map(e -> e.getAsJsonObject()).toList();
    assertThat(results)
        .extracting(r -> r.get("target").getAsString())
        .containsExactly("aws", "azure", "gcp", "local");
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.get("source").getAsString()).isEqualTo("what-if");
              assertThat(r.get("coldStartMs").isJsonNull()).isTrue();
              assertThat(r.get("warmMs").isJsonNull()).isTrue();
            });
    JsonObject aws = results.get(0);
    assertThat(aws.get("plan").getAsString()).isEqualTo("aws-x86_64");
    assertThat(aws.get("billedMs").getAsLong()).isEqualTo(100);
    assertThat(aws.get("costUsd").toString()).isEqualTo("{\"perMillion\":1.033335,\"monthly\":0}");
    assertThat(aws.get("breakEvenInvocationsPerMonth").getAsLong()).isPositive();
    assertThat(aws.getAsJsonArray("otherPlans").get(0).getAsJsonObject().get("plan").getAsString())
        .isEqualTo("aws-arm64");
    JsonObject azure = results.get(1);
    JsonObject consumption = azure.getAsJsonArray("otherPlans").get(0).getAsJsonObject();
    assertThat(consumption.get("plan").getAsString()).isEqualTo("azure-consumption");
    assertThat(consumption.getAsJsonObject("costUsd").get("perMillion").getAsDouble())
        .isEqualTo(1.0);
    assertThat(results.get(2).getAsJsonObject("costUsd").get("perMillion").getAsDouble())
        .isEqualTo(1.3242);
    assertThat(results.get(3).get("costUsd").toString())
        .isEqualTo("{\"perMillion\":12.26,\"monthly\":12.26}");

    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("| what-if | aws | what-if | - | - | - | - | $1.03 | $0.00 | cheapest |")
        // the billing assumption, named, and the other reading's figures beside it
        .contains(
            "- azure, what-if: azure-flex bills its 1,000 ms minimum per execution (the reading"
                + " applied; Microsoft's text is ambiguous): $52.40 per million, $49.70/month; per"
                + " instance activity period it would be $5.60 per million, $2.90/month\n");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<svg id=\"cost-chart-what-if\"")
        .doesNotContain("cold-start-chart");
    assertThat(log)
        .contains(
            "Skyhop report for orders: 1,000,000 invocations/month, prices"
                + " 2026.11.1 of 2026-11-26, in-house runtime on a t4g.small at $12.26/month");
  }
}
