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
 * Every physical name fits its provider's rules for the longest inputs Skyhop allows: an app name
 * of 40 characters, a stage of 12, function names of 42 and logical queue and bucket names of 63.
 * The limits are written here from the providers' documentation, not read from the code under test.
 */
class NamingTest {
  private static final String APP = "a-forty-character-application-name-xyz12";
  private static final String STAGE = "stagetwelve1";
  private static final String FUNCTION = "f" + "n".repeat(40) + "x"; // 42, sdk-api's maximum
  private static final String QUEUE = "q" + "-abc".repeat(15) + "qz"; // 63, sdk-api's maximum
  private static final String BUCKET = "b" + "-xyz".repeat(15) + "bz";
  private static final String ACCOUNT = "123456789012";
  private static final String PROJECT = "my-project-123456";

  private static final Naming LONG = Naming.of(APP, STAGE);
  private static final Naming LONG_OTHER_STAGE = Naming.of(APP, "stagetwelve2");

  // AWS: Lambda CreateFunction FunctionName, IAM CreateRole RoleName, SQS CreateQueue QueueName,
  // S3 bucket naming rules
  private static final Pattern LAMBDA = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern IAM_ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern EVENTBRIDGE_RULE = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final Pattern SQS = Pattern.compile("[a-zA-Z0-9_-]{1,80}");
  private static final Pattern S3 = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  // Google Cloud: Cloud Run service / Cloud Functions id, Pub/Sub resource names, Cloud Storage
  // bucket names, service account ids, Eventarc trigger ids
  private static final Pattern GCF = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern PUBSUB = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");
  private static final Pattern GCS = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]");
  private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
  // Azure: Microsoft.Web/sites, storage queues and containers (no "--"), Event Grid subscriptions,
  // user-assigned identities
  private static final Pattern FUNCTION_APP = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]");
  private static final Pattern AZURE_QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern EVENT_GRID = Pattern.compile("[A-Za-z0-9-]{3,64}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,127}");
  // Kubernetes/Knative: DNS-1035 label, and room for "-00001" revision suffixes
  private static final Pattern KNATIVE_SERVICE = Pattern.compile("[a-z]([-a-z0-9]{0,55}[a-z0-9])?");
  // the in-house runtime: Deployments.APP_NAME, Queues.NAME, Buckets.NAME
  private static final Pattern RUNTIME_APP = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern RUNTIME_QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern RUNTIME_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}");

  @Test
  void awsNamesFitLambdaIamEventBridgeSqsAndS3() {
    AwsNames aws = LONG.aws();
    assertThat(aws.function(FUNCTION)).matches(LAMBDA).startsWith(APP + "-" + STAGE + "-");
    assertThat(aws.rule(FUNCTION)).matches(EVENTBRIDGE_RULE);
    assertThat(aws.role()).matches(IAM_ROLE).startsWith(APP + "-" + STAGE + "-");
    assertThat(aws.queue(QUEUE)).matches(SQS);
    assertThat(aws.deadLetterQueue(QUEUE)).matches(SQS).endsWith("-dlq");
    assertThat(aws.bucket(ACCOUNT, BUCKET)).matches(S3).doesNotContain("..");
    assertThat(aws.tags()).isEqualTo(Map.of("skyhop:app", APP, "skyhop:stage", STAGE));
  }

  @Test
  void gcpNamesFitCloudFunctionsPubSubStorageAndIam() {
    GcpNames gcp = LONG.gcp();
    assertThat(gcp.function(FUNCTION)).matches(GCF);
    assertThat(gcp.trigger(FUNCTION)).matches(GCF);
    assertThat(gcp.topic(QUEUE)).matches(PUBSUB).doesNotStartWith("goog");
    assertThat(gcp.deadLetterTopic(QUEUE)).matches(PUBSUB);
    assertThat(gcp.bucket(PROJECT, BUCKET)).matches(GCS).doesNotContain("google");
    assertThat(gcp.serviceAccount()).matches(SERVICE_ACCOUNT);
    assertThat(Naming.of("ab").gcp().serviceAccount())
        .isEqualTo("ab-skyhop")
        .matches(SERVICE_ACCOUNT);
    assertThat(gcp.labels()).isEqualTo(Map.of("skyhop-app", APP, "skyhop-stage", STAGE));
  }

  @Test
  void azureNamesFitSitesStorageEventGridAndIdentities() {
    AzureNames azure = LONG.azure();
    assertThat(azure.functionApp()).matches(FUNCTION_APP);
    assertThat(azure.queue(QUEUE)).matches(AZURE_QUEUE).doesNotContain("--");
    assertThat(azure.poisonQueue(QUEUE)).matches(AZURE_QUEUE).doesNotContain("--");
    assertThat(azure.container(BUCKET)).matches(CONTAINER).doesNotContain("--");
    assertThat(azure.eventSubscription(FUNCTION)).matches(EVENT_GRID);
    assertThat(azure.identity()).matches(IDENTITY);
  }

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
    assertThat(orders.aws().function("get")).isEqualTo("orders-get");
    assertThat(orders.aws().role()).isEqualTo("orders-skyhop-role");
    assertThat(orders.gcp().function("on-order")).isEqualTo("orders-on-order");
    assertThat(orders.azure().functionApp()).isEqualTo("orders");
    assertThat(orders.cluster().app()).isEqualTo("orders");
    assertThat(orders.cluster().queue("orders")).isEqualTo("orders");
    assertThat(orders.cluster().bucket("uploads")).isEqualTo("uploads");
    assertThat(orders.recordFile("aws")).isEqualTo("deploy-aws.json");
    assertThat(orders.aws().tags()).isEqualTo(Map.of("skyhop:app", "orders"));
  }

  @Test
  void aStageIsInEveryName() {
    Naming dev = Naming.of("orders", "dev");
    assertThat(dev.aws().function("get")).isEqualTo("orders-dev-get");
    assertThat(dev.aws().role()).isEqualTo("orders-dev-skyhop-role");
    assertThat(dev.aws().queue("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.aws().deadLetterQueue("orders")).isEqualTo("orders-dev-orders-dlq");
    assertThat(dev.aws().bucket(ACCOUNT, "uploads")).matches("orders-dev-uploads-[0-9a-f]{8}");
    assertThat(dev.gcp().topic("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.gcp().serviceAccount()).isEqualTo("orders-dev-skyhop");
    assertThat(dev.azure().functionApp()).isEqualTo("orders-dev");
    assertThat(dev.azure().container("uploads")).isEqualTo("orders-dev-uploads");
    assertThat(dev.cluster().app()).isEqualTo("orders-dev");
    assertThat(dev.cluster().queue("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.recordFile("aws")).isEqualTo("deploy-aws-dev.json");
  }

  @Test
  void shortenedNamesOfTwoStagesOrTwoFunctionsStayDistinct() {
    String otherFunction = FUNCTION.replace('x', 'y');
    for (java.util.function.Function<Naming, List<String>> kind :
        List.<java.util.function.Function<Naming, List<String>>>of(
            n -> List.of(n.aws().function(FUNCTION), n.aws().function(otherFunction)),
            n -> List.of(n.gcp().function(FUNCTION), n.gcp().function(otherFunction)),
            n -> List.of(n.aws().role()),
            n -> List.of(n.aws().queue(QUEUE)),
            n -> List.of(n.aws().bucket(ACCOUNT, BUCKET)),
            n -> List.of(n.gcp().bucket(PROJECT, BUCKET)),
            n -> List.of(n.gcp().serviceAccount()),
            n -> List.of(n.azure().functionApp()),
            n -> List.of(n.azure().queue(QUEUE)),
            n -> List.of(n.cluster().app()))) {
      Set<String> names = new HashSet<>(kind.apply(LONG));
      names.addAll(kind.apply(LONG_OTHER_STAGE));
      assertThat(names).hasSize(2 * kind.apply(LONG).size());
    }
    assertThat(LONG.aws().function(FUNCTION)).isEqualTo(LONG.aws().function(FUNCTION));
  }

  @Test
  void bucketsAreUniquePerAccountOrProject() {
    Naming dev = Naming.of("orders", "dev");
    assertThat(dev.aws().bucket("111111111111", "uploads"))
        .isNotEqualTo(dev.aws().bucket("222222222222", "uploads"));
    assertThat(dev.gcp().bucket("p1", "uploads")).isNotEqualTo(dev.gcp().bucket("p2", "uploads"));
  }

  @Test
  void ownershipNeedsTheAppAndTheStage() {
    Naming dev = Naming.of("orders", "dev");
    Naming none = Naming.of("orders");
    Map<String, String> devTags = dev.aws().tags();
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
