package io.skyhop.tooling.pack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.secret.SecretNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * SAM template parity of permissions (#16 item 6): the execution role {@code aws/template.yaml}
 * declares for a stage is the role {@code mvn deploy} writes for it: the same name, managed
 * policies, and inline policies with the same actions on the same queues, bucket objects and
 * secrets (the template's intrinsics resolved as CloudFormation would in the account), and every
 * function runs under it. Bucket names differ by design: deploy's carries a hash of the account,
 * unknown when packaging, so each side names the bucket it declares for the logical name.
 */
class SamRoleParityTest {
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";

  @TempDir Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void theTemplatesRoleGrantsWhatDeployGrantsForTheSameStage() throws IOException {
    Map<String, Object> resources = template("dev");
    AwsSettings deploy =
        AwsSettings.of(
            "shop", new Settings(Map.of("skyhop.region", REGION, "skyhop.stage", "dev")));

    Map<String, Object> role =
        (Map<String, Object>)
            ((Map<String, Object>) resources.get(SamTemplate.ROLE_ID)).get("Properties");
    assertThat(role.get("RoleName")).isEqualTo(deploy.createdRoleName());
    assertThat(resolve(role.get("ManagedPolicyArns"), resources))
        .isEqualTo(
            AppRoleStatements.MANAGED.stream().map(m -> "arn:aws:iam::aws:policy/" + m).toList());
    assertThat(role.get("AssumeRolePolicyDocument")).isEqualTo(AppRoleStatements.trust());

    Map<String, Object> policies = new LinkedHashMap<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) role.get("Policies")) {
      policies.put((String) p.get("PolicyName"), resolve(p.get("PolicyDocument"), resources));
    }
    String deployBucket = deploy.names().bucket(ACCOUNT, "shop-uploads");
    Object deployResources =
        AppRoleStatements.document(
            AppRoleStatements.resources(
                List.of(
                    "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + deploy.names().queue("orders")),
                List.of("arn:aws:s3:::" + deployBucket + "/*")));
    assertThat(
            policies
                .get(AppRoleStatements.RESOURCES_POLICY)
                .toString()
                .replace("arn:aws:s3:::shop-uploads/", "arn:aws:s3:::" + deployBucket + "/"))
        .as("the queue's and the bucket's objects, by the name each side gives the bucket")
        .isEqualTo(deployResources.toString());
    Optional<String> stage = Optional.of("dev");
    Object deploySecrets =
        AppRoleStatements.document(
            List.of(
                AppRoleStatements.secrets(
                    List.of(
                        secretArn(SecretNames.aws("shop", stage, "api-key")),
                        secretArn(SecretNames.aws("shop", stage, "db-password"))))));
    assertThat(policies.get(AppRoleStatements.SECRETS_POLICY)).isEqualTo(deploySecrets);

    List<Object> functionRoles = new ArrayList<>();
    for (Object resource : resources.values()) {
      Map<String, Object> r = (Map<String, Object>) resource;
      if ("AWS::Serverless::Function".equals(r.get("Type"))) {
        Map<String, Object> props = (Map<String, Object>) r.get("Properties");
        assertThat(props).as("SAM adds no policy of its own").doesNotContainKey("Policies");
        functionRoles.add(props.get("Role"));
      }
    }
    assertThat(functionRoles)
        .hasSize(6)
        .containsOnly(Map.of("Fn::GetAtt", List.of(SamTemplate.ROLE_ID, "Arn")));
  }

  private static String secretArn(String id) {
    return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + id + "-??????";
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> template(String stage) throws IOException {
    Path classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/skyhop"));
    try (InputStream in = getClass().getResourceAsStream("functions-with-secrets.json")) {
      Files.write(classes.resolve(FunctionIndex.RESOURCE), in.readAllBytes());
    }
    PackageRequest request =
        new PackageRequest(
            "shop",
            "1.0.0",
            21,
            classes,
            List.of(),
            Map.of(),
            tmp.resolve("skyhop"),
            List.of(Target.named("aws")),
            Map.of("skyhop.stage", stage));
    String yaml = SamTemplate.yaml(request, Packager.readIndex(classes), "shop.zip");
    Files.writeString(tmp.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);
    return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(yaml)).get("Resources");
  }

  /** The value with {@code Fn::GetAtt [<queue>, Arn]} and {@code Fn::Sub} resolved. */
  @SuppressWarnings("unchecked")
  private static Object resolve(Object value, Map<String, Object> resources) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> resolve(v, resources)).toList();
    }
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    if (map.containsKey("Fn::GetAtt")) {
      String id = (String) ((List<Object>) map.get("Fn::GetAtt")).get(0);
      return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + property(resources, id, "QueueName");
    }
    if (map.containsKey("Fn::Sub")) {
      String text =
          ((String) map.get("Fn::Sub"))
              .replace("${AWS::Partition}", "aws")
              .replace("${AWS::Region}", REGION)
              .replace("${AWS::AccountId}", ACCOUNT);
      Matcher ref = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(text);
      StringBuilder out = new StringBuilder();
      while (ref.find()) {
        ref.appendReplacement(out, property(resources, ref.group(1), "BucketName"));
      }
      return ref.appendTail(out).toString();
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    map.forEach((k, v) -> resolved.put((String) k, resolve(v, resources)));
    return resolved;
  }

  @SuppressWarnings("unchecked")
  private static String property(Map<String, Object> resources, String id, String name) {
    Map<String, Object> r = (Map<String, Object>) resources.get(id);
    return (String) ((Map<String, Object>) r.get("Properties")).get(name);
  }
}
