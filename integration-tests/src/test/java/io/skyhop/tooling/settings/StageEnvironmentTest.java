package io.skyhop.tooling.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stage settings over a small index; the targets' providers name their reserved keys, so it runs
 * where all are loaded ({@code get} has GREETING=hi).
 */
class StageEnvironmentTest {
  private static final List<Target> ALL =
      List.of(
          Target.named("aws"),
          Target.named("azure"),
          Target.named("gcp"),
          Target.named("local"),
          Target.named("knative"));
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener = BuildListener.collecting(messages);

  private static FunctionIndex index() throws IOException {
    try (InputStream in =
        StageEnvironmentTest.class.getResourceAsStream(
            "/io/skyhop/tooling/settings/functions.json")) {
      return FunctionIndex.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> options(String stage, String... overrides)
      throws URISyntaxException {
    Map<String, String> options = new HashMap<>();
    options.put(
        StageSettings.DIR,
        Path.of(StageEnvironmentTest.class.getResource("/settings/src/main/skyhop").toURI())
            .toString());
    if (stage != null) {
      options.put(StageSettings.STAGE, stage);
    }
    for (int i = 0; i < overrides.length; i += 2) {
      options.put(overrides[i], overrides[i + 1]);
    }
    return options;
  }

  private FunctionIndex resolve(Map<String, String> options, List<Target> targets)
      throws IOException {
    return StageEnvironment.resolve(index(), StageSettings.from(options), targets, listener);
  }

  @Test
  void laterSourcesWinDefaultsThenAppWideThenPerFunctionThenCommandLine() throws Exception {
    FunctionIndex prod =
        resolve(options("prod", "skyhop.env.TABLE", "from-cli", "skyhop.app", "x"), ALL);

    assertThat(prod.function("get").env())
        .containsExactly(
            Map.entry("GREETING", "hello from prod"),
            Map.entry("LOG_LEVEL", "debug"),
            Map.entry("TABLE", "from-cli"));
    assertThat(prod.function("nightly").env())
        .containsExactly(
            Map.entry("GREETING", "hello from prod"),
            Map.entry("LOG_LEVEL", "warn"),
            Map.entry("TABLE", "from-cli"));
    assertThat(messages)
        .containsExactly("Settings: prod.properties (2 app-wide keys, 2 per-function keys)");
  }

  @Test
  void stagesGetTheirOwnValuesAndAMissingFileKeepsTheDefaults() throws Exception {
    assertThat(resolve(options("dev"), ALL).function("get").env())
        .containsExactly(Map.entry("GREETING", "hello from dev"));
    assertThat(resolve(options("qa"), ALL).function("get").env())
        .containsExactly(Map.entry("GREETING", "hi"));
    assertThat(resolve(options(null), ALL).function("get").env())
        .containsExactly(Map.entry("GREETING", "hi"));
  }

  @Test
  void aKeyATargetReservesFailsNamingTheKeyTheSourceAndTheTarget() {
    assertThatThrownBy(() -> resolve(options("reserved"), ALL))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.env = 'K_SERVICE' from reserved.properties is reserved by Google Cloud Functions"
                + " (target gcp) and cannot be set. Fix: rename the key in reserved.properties");
    assertThatThrownBy(
            () ->
                resolve(
                    options(null, "skyhop.env.AWS_REGION", "eu-west-1"),
                    List.of(Target.named("aws"))))
        .hasMessage(
            "skyhop.env = 'AWS_REGION' from -Dskyhop.env.* is reserved by AWS Lambda (target aws)"
                + " and cannot be set. Fix: rename the key in -Dskyhop.env.*");
    assertThatThrownBy(
            () ->
                resolve(
                    options(null, "skyhop.env.WEBSITE_TIME_ZONE", "UTC"),
                    List.of(Target.named("azure"))))
        .hasMessage(
            "skyhop.env = 'WEBSITE_TIME_ZONE' from -Dskyhop.env.* is reserved by Azure Functions"
                + " (target azure) and cannot be set. Fix: rename the key in -Dskyhop.env.*");
    assertThatThrownBy(() -> resolve(options(null, "skyhop.env.SKYHOP_SECRET_X", "v"), ALL))
        .hasMessage(
            "skyhop.env = 'SKYHOP_SECRET_X' from -Dskyhop.env.* is reserved by Skyhop (SKYHOP_*) and"
                + " cannot be set. Fix: rename the key in -Dskyhop.env.*");
  }

  @Test
  void aKeyOnlyAnotherTargetReservesIsAccepted() throws Exception {
    assertThat(
            resolve(
                    options(null, "skyhop.env.K_SERVICE", "x"),
                    List.of(Target.named("aws"), Target.named("local")))
                .function("get")
                .env())
        .containsEntry("K_SERVICE", "x");
  }

  @Test
  void aPerFunctionKeyForAnUnknownFunctionFailsNamingTheFunctions() {
    assertThatThrownBy(() -> resolve(options("unknown-function"), ALL))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith(
            "unknown-function.properties = 'shop-get.TABLE' names no function of this project (it"
                + " has [get, admin-reset, nightly, berlin-morning, on-order, on-upload]). Fix: write"
                + " KEY=value for every function, or <function>.KEY=value with one of those names");
  }
}
