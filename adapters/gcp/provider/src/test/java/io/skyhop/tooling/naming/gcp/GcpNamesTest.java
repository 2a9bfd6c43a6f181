package io.skyhop.tooling.naming.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.naming.Naming;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Google Cloud name fits Google's rules for the longest inputs Skyhop allows (as {@code
 * AwsNamesTest}); the limits are written here from Google's documentation.
 */
class GcpNamesTest {
  private static final String APP = "a-forty-character-application-name-xyz12";
  private static final String STAGE = "stagetwelve1";
  private static final String FUNCTION = "f" + "n".repeat(40) + "x"; // 42, sdk-api's maximum
  private static final String QUEUE = "q" + "-abc".repeat(15) + "qz"; // 63, sdk-api's maximum
  private static final String BUCKET = "b" + "-xyz".repeat(15) + "bz";
  private static final Naming LONG = Naming.of(APP, STAGE);
  private static final Naming LONG_OTHER_STAGE = Naming.of(APP, "stagetwelve2");
  private static final String PROJECT = "my-project-123456";

  // Cloud Run service / Cloud Functions id, Pub/Sub resource names, Cloud Storage bucket names,
  // service account ids, Eventarc trigger ids
  private static final Pattern GCF = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern PUBSUB = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");
  private static final Pattern GCS = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]");
  private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");

  @Test
  void gcpNamesFitCloudFunctionsPubSubStorageAndIam() {
    GcpNames gcp = GcpNames.of(LONG);
    assertThat(gcp.function(FUNCTION)).matches(GCF);
    assertThat(gcp.trigger(FUNCTION)).matches(GCF);
    assertThat(gcp.topic(QUEUE)).matches(PUBSUB).doesNotStartWith("goog");
    assertThat(gcp.deadLetterTopic(QUEUE)).matches(PUBSUB);
    assertThat(gcp.bucket(PROJECT, BUCKET)).matches(GCS).doesNotContain("google");
    assertThat(gcp.serviceAccount()).matches(SERVICE_ACCOUNT);
    assertThat(GcpNames.of(Naming.of("ab")).serviceAccount())
        .isEqualTo("ab-skyhop")
        .matches(SERVICE_ACCOUNT);
    assertThat(gcp.labels()).isEqualTo(Map.of("skyhop-app", APP, "skyhop-stage", STAGE));
  }

  @Test
  void withAndWithoutAStage() {
    assertThat(GcpNames.of(Naming.of("orders")).function("on-order")).isEqualTo("orders-on-order");
    GcpNames dev = GcpNames.of(Naming.of("orders", "dev"));
    assertThat(dev.topic("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.serviceAccount()).isEqualTo("orders-dev-skyhop");
  }

  @Test
  void shortenedNamesOfTwoStagesOrTwoFunctionsStayDistinct() {
    String otherFunction = FUNCTION.replace('x', 'y');
    distinctPerStage(
        List.of(
            n -> List.of(GcpNames.of(n).function(FUNCTION), GcpNames.of(n).function(otherFunction)),
            n -> List.of(GcpNames.of(n).bucket(PROJECT, BUCKET)),
            n -> List.of(GcpNames.of(n).serviceAccount())));
  }

  @Test
  void bucketsAreUniquePerProject() {
    GcpNames dev = GcpNames.of(Naming.of("orders", "dev"));
    assertThat(dev.bucket("p1", "uploads")).isNotEqualTo(dev.bucket("p2", "uploads"));
  }

  private static void distinctPerStage(
      List<java.util.function.Function<Naming, List<String>>> kinds) {
    for (java.util.function.Function<Naming, List<String>> kind : kinds) {
      Set<String> names = new HashSet<>(kind.apply(LONG));
      names.addAll(kind.apply(LONG_OTHER_STAGE));
      assertThat(names).hasSize(2 * kind.apply(LONG).size());
    }
  }
}
