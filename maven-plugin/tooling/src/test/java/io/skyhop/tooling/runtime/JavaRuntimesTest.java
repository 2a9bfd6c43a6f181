package io.skyhop.tooling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in runtime table, checked on fixed dates (never today's). */
class JavaRuntimesTest {
  private static final LocalDate TABLE_DAY = LocalDate.of(2026, 12, 7);
  private static final String AWS_SOURCE =
      "runtime table of 2026-12-07, https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";

  private final JavaRuntimes table = JavaRuntimes.builtIn();
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener = BuildListener.collecting(messages);

  @ParameterizedTest(name = "{0} release {1} -> {2}")
  @CsvSource({
    "AWS, 17, java17",
    "AWS, 21, java21",
    "AWS, 25, java25",
    "GCP, 17, java17",
    "GCP, 21, java21",
    "GCP, 25, java25",
    "AZURE, 17, 17",
    "AZURE, 21, 21"
  })
  void eachReleaseMapsToTheProvidersRuntime(Target target, int release, String id) {
    assertThat(table.runtime(target, release).id()).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0} release {1} on the table's day: no warning")
  @CsvSource({
    "AWS, 17",
    "AWS, 21",
    "AWS, 25",
    "GCP, 17",
    "GCP, 21",
    "GCP, 25",
    "AZURE, 17",
    "AZURE, 21"
  })
  void onTheTablesDayNothingWarns(Target target, int release) {
    table.check(target, release, TABLE_DAY, listener);

    assertThat(messages).isEmpty();
  }

  @Test
  void azureRefuses25WithTheVersionsItLists() {
    assertThatThrownBy(() -> table.runtime(Target.named("azure"), 25))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '25' has no Azure Functions (Flex Consumption) Java runtime:"
                + " it offers 17 (17), 21 (21) (runtime table of 2026-12-07,"
                + " https://learn.microsoft.com/rest/api/appservice/provider/get-function-app-stacks-for-location)."
                + " Fix: set maven.compiler.release to one of those, or leave azure out of"
                + " skyhop.targets");
  }

  @Test
  void aReleaseNoProviderRunsIsRefusedWithTheList() {
    assertThatThrownBy(() -> table.runtime(Target.named("aws"), 19))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '19' has no AWS Lambda Java runtime: it offers 17 (java17),"
                + " 21 (java21), 25 (java25) ("
                + AWS_SOURCE
                + "). Fix: set maven.compiler.release to one of those, or leave aws out of"
                + " skyhop.targets");
  }

  @Test
  void sixMonthsBeforeTheBlockDateWarnsWithTheDates() {
    table.check(Target.named("aws"), 17, LocalDate.of(2027, 1, 31), listener);

    assertThat(messages)
        .containsExactly(
            "WARNING aws: AWS Lambda blocks creating functions on java17 from 2027-07-31"
                + " (deprecated 2027-06-30, creation blocked from 2027-07-31, "
                + AWS_SOURCE
                + "). Fix: set maven.compiler.release to 21 (java21)");
  }

  @Test
  void theDayBeforeTheWindowDoesNotWarn() {
    table.check(Target.named("aws"), 17, LocalDate.of(2027, 1, 30), listener);

    assertThat(messages).isEmpty();
  }

  @Test
  void onTheBlockDateItFailsWithTheDatesAndTheFix() {
    assertThatThrownBy(
            () -> table.check(Target.named("aws"), 17, LocalDate.of(2027, 7, 31), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '17' maps to AWS Lambda's java17, on which creating"
                + " functions has been blocked since 2027-07-31 (deprecated 2027-06-30, creation"
                + " blocked from 2027-07-31, "
                + AWS_SOURCE
                + "). Fix: set maven.compiler.release to 21 (java21)");
  }

  @Test
  void withoutABlockDateTheDeprecationDateWarns() {
    table.check(Target.named("gcp"), 17, LocalDate.of(2027, 5, 1), listener);
    table.check(Target.named("gcp"), 17, LocalDate.of(2027, 11, 1), listener);

    String source =
        "runtime table of 2026-12-07, https://cloud.google.com/functions/docs/runtime-support";
    assertThat(messages)
        .containsExactly(
            "WARNING gcp: Google Cloud Run functions deprecates java17 on 2027-10-01 (deprecated"
                + " 2027-10-01, "
                + source
                + "). Fix: set maven.compiler.release to 21 (java21)",
            "WARNING gcp: Google Cloud Run functions deprecated java17 on 2027-10-01 (deprecated"
                + " 2027-10-01, "
                + source
                + "). Fix: set maven.compiler.release to 21 (java21)");
  }

  @Test
  void whenEveryNewerRuntimeIsNearItsEndTheFixIsToLeaveTheTargetOut() {
    assertThatThrownBy(
            () -> table.check(Target.named("aws"), 25, LocalDate.of(2029, 8, 1), listener))
        .hasMessageEndingWith("Fix: leave aws out of skyhop.targets");
  }
}
