package io.skyhop.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in price table, user overrides, and the errors of a bad override file. */
class PriceTableTest {

  @TempDir Path dir;

  private static String builtInJson() throws IOException {
    try (InputStream in = PriceTable.class.getResourceAsStream(PriceTable.BUILT_IN_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The built-in table with pieces of text replaced (the first occurrence of each), written to a
   * file of the temp dir. {@code replacements} holds pairs: text to find, text to put instead.
   */
  private Path overrideFile(String... replacements) throws IOException {
    String json = builtInJson();
    for (int i = 0; i < replacements.length; i += 2) {
      assertThat(json).contains(replacements[i]);
      json = json.replaceFirst(Pattern.quote(replacements[i]), replacements[i + 1]);
    }
    Path file = dir.resolve("my-prices.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void builtInTableIsDatedVersionedAndComplete() {
    PriceTable table = PriceTable.builtIn();
    assertThat(table.version()).isEqualTo("2026.11.1");
    assertThat(table.date()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(table.currency()).isEqualTo("USD");
    assertThat(table.sources()).isNotEmpty();
    assertThat(table.plans())
        .containsOnlyKeys(
            Plan.AWS_X86_64, Plan.AWS_ARM64, Plan.AZURE_CONSUMPTION, Plan.AZURE_FLEX, Plan.GCP);

    PlanPrices aws = table.prices(Plan.AWS_X86_64);
    assertThat(aws.requestUsdPerMillion()).isEqualByComparingTo("0.20");
    assertThat(aws.memorySecondUsd()).isEqualByComparingTo("0.0000166667");
    assertThat(aws.initBilled()).isTrue();
    assertThat(aws.initCapMs()).isEqualTo(10_000);
    assertThat(aws.freeTier())
        .isEqualTo(new FreeTier(1_000_000, new BigDecimal("400000"), BigDecimal.ZERO));

    PlanPrices gcp = table.prices(Plan.GCP);
    assertThat(gcp.vcpuSecondUsd()).isEqualByComparingTo("0.000024");
    assertThat(gcp.memorySecondUsd()).isEqualByComparingTo("0.0000025");
    assertThat(gcp.vcpuByMemoryMb()).hasSize(9).containsEntry(512, new BigDecimal("0.333"));
    assertThat(gcp.freeTier().vcpuSeconds()).isEqualByComparingTo("180000");

    assertThat(table.prices(Plan.AZURE_FLEX).memory().defaultMb()).isEqualTo(2048);
    assertThat(table.defaultServer().name()).isEqualTo("t4g.small");
    assertThat(table.defaultServer().usdPerMonth()).isEqualByComparingTo("12.26");
    assertThat(table.servers()).containsOnlyKeys("t4g.small", "t3.small", "t4g.medium");
    assertThat(table.server("t3.small").orElseThrow().usdPerHour()).isEqualByComparingTo("0.0208");
  }

  @Test
  void localIsPricedAsAServerNotAPlan() {
    assertThatThrownBy(() -> PriceTable.builtIn().prices(Plan.LOCAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOverrideFileRepricesEveryResultAndStampsItsOwnVersion() throws IOException {
    Path file =
        overrideFile(
            "\"gbSecondUsd\": 0.0000166667", "\"gbSecondUsd\": 0.00002",
            "\"version\": \"2026.11.1\"", "\"version\": \"acme-7\"",
            "\"date\": \"2026-11-26\"", "\"date\": \"2027-01-15\"");

    CostModel model = new CostModel(PriceTable.load(file));
    CostEstimate estimate = model.estimate(Plan.AWS_X86_64, Profile.of(512, 100));
    // 0.20 + 0.00002 x 0.5 x 0.1 x 1e6 = 0.20 + 1.00 = 1.20
    assertThat(estimate.perMillionUsd()).isEqualByComparingTo("1.20");
    assertThat(estimate.prices()).isEqualTo(new PriceStamp("acme-7", LocalDate.of(2027, 1, 15)));
  }

  @Test
  void aFieldOfTheWrongTypeNamesTheFileTheFieldAndTheFix() throws IOException {
    Path file = overrideFile("\"gbSecondUsd\": 0.0000166667", "\"gbSecondUsd\": \"cheap\"");
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(PriceTableException.class)
        .hasMessage(
            "Price table "
                + file
                + ": field \"plans.aws-x86_64.gbSecondUsd\" is \"cheap\", not a number."
                + " Fix: set the price in USD per GB-second as a JSON number.")
        .satisfies(
            error -> {
              PriceTableException bad = (PriceTableException) error;
              assertThat(bad.file()).isEqualTo(file.toString());
              assertThat(bad.field()).isEqualTo("plans.aws-x86_64.gbSecondUsd");
              assertThat(bad.fix())
                  .isEqualTo("set the price in USD per GB-second as a JSON number");
            });
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() throws IOException {
    Path file = overrideFile("\"vcpuSecondUsd\": 0.000024,", "");
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(PriceTableException.class)
        .hasMessage(
            "Price table "
                + file
                + ": field \"plans.gcp.vcpuSecondUsd\" is missing."
                + " Fix: set the price in USD per vCPU-second as a JSON number.");
  }

  @Test
  void aNegativePriceIsRefused() throws IOException {
    Path file = overrideFile("\"requestUsdPerMillion\": 0.40,", "\"requestUsdPerMillion\": -0.40,");
    assertThatThrownBy(() -> PriceTable.load(file))
        .hasMessage(
            "Price table "
                + file
                + ": field \"plans.azure-flex.requestUsdPerMillion\" is -0.40, must not be negative."
                + " Fix: set the price of 1M requests in USD as a JSON number.");
  }

  @Test
  void anUnknownDefaultServerListsTheKnownOnes() throws IOException {
    Path file = overrideFile("\"default\": \"t4g.small\"", "\"default\": \"m7g.large\"");
    assertThatThrownBy(() -> PriceTable.load(file))
        .hasMessage(
            "Price table "
                + file
                + ": field \"servers.default\" is \"m7g.large\", which is not under servers.prices."
                + " Fix: name one of: t4g.small, t3.small, t4g.medium.");
  }

  @Test
  void aFlexDefaultOutsideTheAllowedSizesIsRefused() throws IOException {
    Path file = overrideFile("\"default\": 2048", "\"default\": 1024");
    assertThatThrownBy(() -> PriceTable.load(file))
        .hasMessage(
            "Price table "
                + file
                + ": field \"plans.azure-flex.memoryMb.default\" is 1024, not one of the allowed"
                + " sizes [512, 2048, 4096]. Fix: set it to one of [512, 2048, 4096].");
  }

  @Test
  void textThatIsNotJsonIsReportedForTheWholeDocument() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"schema\": 1, \"version\": \"x\",");
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(PriceTableException.class)
        .hasMessageStartingWith("Price table " + file + ": field \"$\" is not valid JSON (")
        .hasMessageEndingWith(
            "). Fix: correct the JSON syntax at that place;"
                + " the built-in table prices-2026-11.json shows every field.");
  }

  @Test
  void jsonIsReadStrictly() throws IOException {
    // lenient JSON would take the unquoted USD for a string
    Path file = overrideFile("\"currency\": \"USD\"", "\"currency\": USD");
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(PriceTableException.class)
        .hasMessage(
            "Price table "
                + file
                + ": field \"$\" is not valid JSON (malformed JSON at line 5 column 15 path"
                + " $.currency). Fix: correct the JSON syntax at that place;"
                + " the built-in table prices-2026-11.json shows every field.");
  }

  @Test
  void aMissingFileIsATypedErrorToo() {
    Path file = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(PriceTableException.class)
        .hasMessage(
            "Price table "
                + file
                + ": field \"$\" cannot be read (java.nio.file.NoSuchFileException: "
                + file
                + "). Fix: check that the path names a readable UTF-8 JSON file.");
  }

  @Test
  void anotherSchemaIsRefused() throws IOException {
    Path file = overrideFile("\"schema\": 1", "\"schema\": 2");
    assertThatThrownBy(() -> PriceTable.load(file))
        .hasMessage(
            "Price table "
                + file
                + ": field \"schema\" is 2, this Skyhop reads schema 1. Fix: convert the file to"
                + " schema 1; the built-in table prices-2026-11.json shows every field.");
  }
}
