package io.skyhop.tooling.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The names shared code makes (the in-house runtime's and Kubernetes', deploy records, tags,
 * stages); each cloud provider's names are tested in its folder ({@code AwsNamesTest}, {@code
 * GcpNamesTest}, {@code AzureNamesTest}). Every physical name fits its provider's rules for the
 * longest inputs Skyhop allows: an app name of 40 characters, a stage of 12, function names of 42
 * and logical queue and bucket names of 63. The limits are written here from the providers'
 * documentation, not read from the code under test.
 */
class NamingTest {
  private static final String APP = "a-forty-character-application-name-xyz12";
  private static final String STAGE = "stagetwelve1";
  private static final String FUNCTION = "f" + "n".repeat(40) + "x"; // 42, sdk-api's maximum
  private static final String QUEUE = "q" + "-abc".repeat(15) + "qz"; // 63, sdk-api's maximum
  private static final String BUCKET = "b" + "-xyz".repeat(15) + "bz";

  private static final Naming LONG = Naming.of(APP, STAGE);
  private static final Naming LONG_OTHER_STAGE = Naming.of(APP, "stagetwelve2");

  // Kubernetes/Knative: DNS-1035 label, and room for "-00001" revision suffixes
  private static final Pattern KNATIVE_SERVICE = Pattern.compile("[a-z]([-a-z0-9]{0,55}[a-z0-9])?");
  // the in-house runtime: Deployments.APP_NAME, Queues.NAME, Buckets.NAME
  private static final Pattern RUNTIME_APP = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern RUNTIME_QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern RUNTIME_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}");

  @Test
  void runtimeAndKnativeNamesFitTheirRules() {
    ClusterNames cluster = LONG.cluster();
    assertThat(cluster.app()).matches(KNATIVE_SERVICE).matches(RUNTIME_APP);
    assertThat(cluster.queue(QUEUE)).matches(RUNTIME_QUEUE);
    assertThat(cluster.bucket(BUCKET)).matches(RUNTIME_BUCKET);
  }

  @Test
  void withoutAStageTheNamesAreTodays() {
    Naming orders = Naming.of("orders");
    assertThat(orders.prefix()).isEqualTo("orders");
    assertThat(orders.cluster().app()).isEqualTo("orders");
    assertThat(orders.cluster().queue("orders")).isEqualTo("orders");
    assertThat(orders.cluster().bucket("uploads")).isEqualTo("uploads");
    assertThat(orders.recordFile("aws")).isEqualTo("deploy-aws.json");
  }

  @Test
  void aStageIsInEveryName() {
    Naming dev = Naming.of("orders", "dev");
    assertThat(dev.cluster().app()).isEqualTo("orders-dev");
    assertThat(dev.cluster().queue("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.recordFile("aws")).isEqualTo("deploy-aws-dev.json");
  }

  @Test
  void shortenedNamesOfTwoStagesOrTwoFunctionsStayDistinct() {
    for (java.util.function.Function<Naming, List<String>> kind :
        List.<java.util.function.Function<Naming, List<String>>>of(
            n -> List.of(n.cluster().app()))) {
      Set<String> names = new HashSet<>(kind.apply(LONG));
      names.addAll(kind.apply(LONG_OTHER_STAGE));
      assertThat(names).hasSize(2 * kind.apply(LONG).size());
    }
  }

  @Test
  void ownershipNeedsTheAppAndTheStage() {
    Naming dev = Naming.of("orders", "dev");
    Naming none = Naming.of("orders");
    Map<String, String> devTags = dev.tags("skyhop:");
    assertThat(dev.owns(devTags, "skyhop:")).isTrue();
    assertThat(none.owns(devTags, "skyhop:")).isFalse();
    assertThat(Naming.of("orders", "prod").owns(devTags, "skyhop:")).isFalse();
    assertThat(none.owns(Map.of("skyhop:app", "orders"), "skyhop:")).isTrue();
    assertThat(dev.owns(Map.of("skyhop:app", "orders"), "skyhop:")).isFalse();
    assertThat(dev.owns(null, "skyhop:")).isFalse();
  }

  @Test
  void aBadStageNamesTheSettingAndTheFix() {
    for (String bad : List.of("Prod", "dev-1", "1dev", "thirteenchars")) {
      assertThatThrownBy(() -> Naming.of("orders", bad))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage(
              "skyhop.stage = '"
                  + bad
                  + "' is not a stage name. Fix: use 1 to 12 lower-case letters and digits,"
                  + " starting with a letter (e.g. dev, prod, pr42), or leave skyhop.stage unset");
    }
    assertThat(new Naming("orders", Optional.of("  ")).stage()).isEmpty();
  }
}
