package io.skyhop.it.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code mvn package skyhop:report} on a copy of {@code examples/orders}, every target measured in
 * the local lab with three cold starts and twenty warm invocations per function: the three files
 * are written, every target and function has samples, every cold start is slower than the warm
 * latency, every target (local too) is measured again with tracing on (spans received), and the
 * HTML page renders in headless Chromium with its charts drawn.
 */
class ReportIT {
  private static final List<String> TARGETS = List.of("aws", "azure", "gcp", "local");
  private static final List<String> FUNCTIONS =
      List.of("get", "create-order", "explode", "nightly", "on-order", "on-upload");
  private static final Map<String, Integer> COLORS =
      Map.of("aws", 0xff9900, "azure", 0x0078d4, "gcp", 0x34a853, "local", 0x7b3fe4);

  @Test
  @Timeout(600)
  void measuresEveryTargetAndWritesTheThreeFiles() throws Exception {
    MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "report-orders");
    MavenBuild.Result result =
        build.run(
            Duration.ofMinutes(9),
            "package",
            "skyhop:report",
            "-DskipTests",
            "-Dskyhop.targets=aws,azure,gcp,local",
            "-Dskyhop.samples=3",
            "-Dskyhop.warmInvocations=20");
    assertThat(result.succeeded()).as(result.toString()).isTrue();
    Path dir = build.dir().resolve("target/skyhop");

    JsonObject report =
        JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("measured");
    List<JsonObject> results =
        report.getAsJsonArray("results").asList().stream().map(e -> e.getAsJsonObject()).toList();
    assertThat(results).hasSize(TARGETS.size() * FUNCTIONS.size());
    for (String target : TARGETS) {
      for (String function : FUNCTIONS) {
        JsonObject r = result(results, target, function);
        String what = target + "/" + function + ": " + r;
        assertThat(r.get("source").getAsString()).as(what).isEqualTo("measured-locally");
        JsonObject cold = r.getAsJsonObject("coldStartMs");
        JsonObject warm = r.getAsJsonObject("warmMs");
        assertThat(cold.get("samples").getAsInt()).as(what).isEqualTo(3);
        assertThat(warm.get("samples").getAsInt()).as(what).isEqualTo(20);
        assertThat(warm.get("p50").getAsDouble()).as(what).isPositive();
        assertThat(cold.get("p50").getAsDouble())
            .as(what)
            .isGreaterThan(warm.get("p50").getAsDouble());
        assertThat(cold.get("max").getAsDouble())
            .as(what)
            .isGreaterThanOrEqualTo(cold.get("p90").getAsDouble());
        assertThat(r.get("memoryMb").getAsInt()).as(what).isEqualTo(512);
        assertThat(r.get("peakMemoryMb").getAsInt()).as(what).isPositive();
        assertThat(r.get("billedMs").getAsLong()).as(what).isPositive();
        assertThat(r.getAsJsonObject("costUsd").get("perMillion").getAsDouble())
            .as(what)
            .isPositive();
        assertThat(r.getAsJsonObject("costUsd").has("monthly")).as(what).isTrue();
        assertThat(r.getAsJsonObject("prices").get("version").getAsString()).isEqualTo("2026.11.1");
        assertThat(r.getAsJsonObject("prices").get("date").getAsString()).isEqualTo("2026-11-26");
        assertThat(r.getAsJsonArray("notes").toString()).as(what).doesNotContain("failed sample");
      }
      assertThat(result(results, target, "get").has("initMs"))
          .isEqualTo(target.equals("aws") || target.equals("local"));
    }
    assertThat(result(results, "azure", "get").get("label").getAsString())
        .isEqualTo("azure (local harness)");

    assertTracingOnBesideOff(report);

    String md = Files.readString(dir.resolve("report.md"));
    assertThat(md).contains("# Skyhop report: orders", "prices 2026.11.1 of 2026-11-26");
    assertThat(
            md.lines().filter(l -> l.startsWith("| get | ") && l.contains("| measured-locally |")))
        .hasSize(4);
    assertThat(md)
        .endsWith(
            "\n## Portability\n\nSettings a target cannot honour exactly:\n\n"
                + io.skyhop.it.portability.OrdersPortabilityIT.table());

    assertThat(result.output())
        .contains(
            "report: [1/3] ", "report: [3/3] ", "Skyhop report for orders", "cheapest", "fastest");

    Path html = dir.resolve("report.html");
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).doesNotContain("http://", "https://", "<script", "<link");
    assertThat(page).contains("<h2>Cold start with tracing on</h2>");
    Path work = build.dir().resolveSibling("report-orders-chromium");
    String dom = Chromium.dumpDom(html, work);
    List<Map<String, String>> bars = elements(dom, "rect", "bar cold");
    assertThat(bars).hasSize(TARGETS.size() * FUNCTIONS.size());
    for (Map<String, String> bar : bars) {
      assertThat(Double.parseDouble(bar.get("data-p50"))).as(bar.toString()).isPositive();
      assertThat(Double.parseDouble(bar.get("height"))).as(bar.toString()).isPositive();
    }
    List<Map<String, String>> lines = elements(dom, "path", "cost-line");
    assertThat(lines).hasSize(TARGETS.size() * FUNCTIONS.size());
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("d")).matches("M[0-9.]+ [0-9.]+( L[0-9.]+ [0-9.]+){15}"));
    assertThat(elements(dom, "circle", "break-even")).isNotEmpty();
    BufferedImage png = ImageIO.read(Chromium.screenshot(html, work, 1200, 2400).toFile());
    for (Map.Entry<String, Integer> color : COLORS.entrySet()) {
      assertThat(pixels(png, color.getValue()))
          .as("pixels drawn in the colour of " + color.getKey())
          .isGreaterThan(400);
    }
  }

  /**
   * Every target, local included, measured again with an OTLP exporter pointed at the lab's
   * receiver: both figures, the difference, and at least one span per traced cold start.
   */
  private static void assertTracingOnBesideOff(JsonObject report) {
    List<JsonObject> tracing =
        report.getAsJsonArray("tracing").asList().stream().map(e -> e.getAsJsonObject()).toList();
    List<String> traced = TARGETS;
    assertThat(tracing).hasSize(traced.size() * FUNCTIONS.size());
    for (String target : traced) {
      for (String function : FUNCTIONS) {
        JsonObject t = result(tracing, target, function);
        String what = "tracing " + target + "/" + function + ": " + t;
        assertThat(t.getAsJsonObject("coldStartOffMs").get("samples").getAsInt())
            .as(what)
            .isEqualTo(3);
        assertThat(t.getAsJsonObject("coldStartOnMs").get("samples").getAsInt())
            .as(what)
            .isEqualTo(3);
        assertThat(t.getAsJsonObject("coldStartOnMs").get("p50").getAsDouble())
            .as(what)
            .isPositive();
        assertThat(t.get("addedP50Ms").getAsDouble())
            .as(what)
            .isEqualTo(
                Math.round(
                        (t.getAsJsonObject("coldStartOnMs").get("p50").getAsDouble()
                                - t.getAsJsonObject("coldStartOffMs").get("p50").getAsDouble())
                            * 10)
                    / 10.0,
                org.assertj.core.data.Offset.offset(0.11));
        assertThat(t.get("spansReceived").getAsInt()).as(what).isGreaterThanOrEqualTo(3);
      }
    }
    assertThat(report.getAsJsonArray("notes").toString())
        .doesNotContain("not measured with tracing on")
        .doesNotContain("no span reached");
  }

  private static JsonObject result(List<JsonObject> results, String target, String function) {
    return results.stream()
        .filter(r -> r.get("target").getAsString().equals(target))
        .filter(r -> r.get("function").getAsString().equals(function))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + target + "/" + function));
  }

  /** The attributes of every {@code <tag class="cls" …>} of the rendered DOM. */
  private static List<Map<String, String>> elements(String dom, String tag, String cls) {
    Matcher m = Pattern.compile("<" + tag + "\\s([^>]*)>").matcher(dom);
    Pattern attribute = Pattern.compile("([a-z0-9-]+)=\"([^\"]*)\"");
    List<Map<String, String>> found = new java.util.ArrayList<>();
    while (m.find()) {
      Map<String, String> attributes = new java.util.LinkedHashMap<>();
      Matcher a = attribute.matcher(m.group(1));
      while (a.find()) {
        attributes.put(a.group(1), a.group(2));
      }
      if (cls.equals(attributes.get("class"))) {
        found.add(attributes);
      }
    }
    return found;
  }

  private static int pixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
