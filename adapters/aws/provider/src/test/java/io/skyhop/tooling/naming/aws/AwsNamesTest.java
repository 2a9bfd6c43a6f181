package io.skyhop.tooling.naming.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.naming.Naming;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every AWS name fits AWS's rules for the longest inputs Skyhop allows: an app name of 40
 * characters, a stage of 12, function names of 42 and logical queue and bucket names of 63. The
 * limits are written here from AWS's documentation, not read from the code under test (moved from
 * the engine's NamingTest with the names).
 */
class AwsNamesTest {
  private static final String APP = "a-forty-character-application-name-xyz12";
  private static final String STAGE = "stagetwelve1";
  private static final String FUNCTION = "f" + "n".repeat(40) + "x"; // 42, sdk-api's maximum
  private static final String QUEUE = "q" + "-abc".repeat(15) + "qz"; // 63, sdk-api's maximum
  private static final String BUCKET = "b" + "-xyz".repeat(15) + "bz";
  private static final Naming LONG = Naming.of(APP, STAGE);
  private static final Naming LONG_OTHER_STAGE = Naming.of(APP, "stagetwelve2");
  private static final String ACCOUNT = "123456789012";

  // Lambda CreateFunction FunctionName, IAM CreateRole RoleName, SQS CreateQueue QueueName,
  // S3 bucket naming rules
  private static final Pattern LAMBDA = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern IAM_ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern EVENTBRIDGE_RULE = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final Pattern SQS = Pattern.compile("[a-zA-Z0-9_-]{1,80}");
  private static final Pattern S3 = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  @Test
  void awsNamesFitLambdaIamEventBridgeSqsAndS3() {
    AwsNames aws = AwsNames.of(LONG);
    assertThat(aws.function(FUNCTION)).matches(LAMBDA).startsWith(APP + "-" + STAGE + "-");
    assertThat(aws.rule(FUNCTION)).matches(EVENTBRIDGE_RULE);
    assertThat(aws.role()).matches(IAM_ROLE).startsWith(APP + "-" + STAGE + "-");
    assertThat(aws.queue(QUEUE)).matches(SQS);
    assertThat(aws.deadLetterQueue(QUEUE)).matches(SQS).endsWith("-dlq");
    assertThat(aws.bucket(ACCOUNT, BUCKET)).matches(S3).doesNotContain("..");
    assertThat(aws.tags()).isEqualTo(Map.of("skyhop:app", APP, "skyhop:stage", STAGE));
  }

  @Test
  void withoutAStageTheNamesAreTodays() {
    Naming orders = Naming.of("orders");
    assertThat(AwsNames.of(orders).function("get")).isEqualTo("orders-get");
    assertThat(AwsNames.of(orders).role()).isEqualTo("orders-skyhop-role");
    assertThat(AwsNames.of(orders).tags()).isEqualTo(Map.of("skyhop:app", "orders"));
  }

  @Test
  void aStageIsInEveryName() {
    AwsNames dev = AwsNames.of(Naming.of("orders", "dev"));
    assertThat(dev.function("get")).isEqualTo("orders-dev-get");
    assertThat(dev.role()).isEqualTo("orders-dev-skyhop-role");
    assertThat(dev.queue("orders")).isEqualTo("orders-dev-orders");
    assertThat(dev.deadLetterQueue("orders")).isEqualTo("orders-dev-orders-dlq");
    assertThat(dev.bucket(ACCOUNT, "uploads")).matches("orders-dev-uploads-[0-9a-f]{8}");
  }

  @Test
  void shortenedNamesOfTwoStagesOrTwoFunctionsStayDistinct() {
    String otherFunction = FUNCTION.replace('x', 'y');
    distinctPerStage(
        List.of(
            n -> List.of(AwsNames.of(n).function(FUNCTION), AwsNames.of(n).function(otherFunction)),
            n -> List.of(AwsNames.of(n).role()),
            n -> List.of(AwsNames.of(n).queue(QUEUE)),
            n -> List.of(AwsNames.of(n).bucket(ACCOUNT, BUCKET))));
    assertThat(AwsNames.of(LONG).function(FUNCTION))
        .isEqualTo(AwsNames.of(LONG).function(FUNCTION));
  }

  @Test
  void bucketsAreUniquePerAccount() {
    AwsNames dev = AwsNames.of(Naming.of("orders", "dev"));
    assertThat(dev.bucket("111111111111", "uploads"))
        .isNotEqualTo(dev.bucket("222222222222", "uploads"));
  }

  @Test
  void ownershipNeedsTheAppAndTheStage() {
    Map<String, String> devTags = AwsNames.of(Naming.of("orders", "dev")).tags();
    assertThat(Naming.of("orders", "dev").owns(devTags, AwsNames.TAG_PREFIX)).isTrue();
    assertThat(Naming.of("orders").owns(devTags, AwsNames.TAG_PREFIX)).isFalse();
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
