package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.RunsAlone;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline Lambda announces in {@code Lambda-Runtime-Deadline-Ms} is what the function sees as
 * {@code context.remainingTime()}, through Amazon's runtime client; and an execution environment
 * that does not name its function fails at init. The fixture {@code aws/deadline} is built and
 * packaged by a real Maven run of the plugin.
 */
@RunsAlone("the remaining time a function sees, within windows of 2 to 3 seconds")
class AwsDeadlineIT {
  @TempDir static Path work;
  private static AwsPackage deadline;

  @BeforeAll
  static void build() throws Exception {
    MavenBuild build =
        MavenBuild.copy(
            Path.of("src/test/resources/aws/deadline").toAbsolutePath(), "aws-deadline");
    MavenBuild.Result result = build.run(Duration.ofMinutes(5), "package", "-Dspotless.apply.skip");
    assertThat(result.succeeded()).as("%s\n%s", result, result.output()).isTrue();
    deadline = AwsPackage.unzip(build.dir().resolve("target/skyhop"), work);
  }

  @Test
  void theDeadlineHeaderIsTheRemainingTime() throws Exception {
    try (AwsPackage.Running fn = deadline.start("remaining")) {
      String event = AwsPackage.event("function-url-deadline.json");
      fn.invoke(event); // the cold start, so that the deadlines below are not spent on it
      Outcome first = fn.invoke(event, Duration.ofSeconds(9));
      Outcome second = fn.invoke(event, Duration.ofMillis(2500));

      JsonObject seen1 = seen(first);
      assertThat(seen1.get("remainingMs").getAsLong()).isBetween(6_000L, 9_000L);
      assertThat(seen1.get("requestId").getAsString()).isEqualTo(first.requestId());
      assertThat(seen1.get("functionName").getAsString()).isEqualTo("remaining");
      assertThat(seen1.get("target").getAsString()).isEqualTo("aws");
      JsonObject seen2 = seen(second);
      assertThat(seen2.get("remainingMs").getAsLong()).isBetween(500L, 2_500L);
      assertThat(fn.process.output())
          .contains(
              "[INFO] remaining "
                  + seen2.get("remainingMs").getAsLong()
                  + " ms in "
                  + second.requestId());
    }
  }

  @Test
  void withoutSkyhopFunctionTheRuntimeReportsAnInitErrorNamingTheFix() throws Exception {
    Map<String, String> unset = new HashMap<>();
    unset.put("SKYHOP_FUNCTION", null);
    try (AwsPackage.Running fn = deadline.start("remaining", unset)) {
      Outcome init = fn.api.awaitInitError(Duration.ofSeconds(60));

      JsonObject error = JsonParser.parseString(init.body()).getAsJsonObject();
      assertThat(error.get("errorMessage").getAsString())
          .contains(
              "The environment variable SKYHOP_FUNCTION is not set, so this Lambda function does"
                  + " not know which Skyhop function to serve. Fix: set SKYHOP_FUNCTION to one of"
                  + " [remaining] in the function's environment");
      assertThat(fn.process.waitFor(30)).isNotZero();
    }
  }

  private static JsonObject seen(Outcome out) {
    assertThat(out.error()).as(out.body()).isFalse();
    JsonObject response = JsonParser.parseString(out.body()).getAsJsonObject();
    assertThat(response.get("statusCode").getAsInt()).as(out.body()).isEqualTo(200);
    return JsonParser.parseString(response.get("body").getAsString()).getAsJsonObject();
  }
}
