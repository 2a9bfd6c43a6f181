package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The SAM template that skyhop:package writes for examples/orders is valid YAML and says what the
 * manifest says: one AWS::Serverless::Function per function with the manifest's handler, runtime,
 * memory, timeout, environment and package, and each trigger's event source.
 */
class AwsTemplateIT {
  private static final Map<String, String> EVENTBRIDGE_CRON =
      Map.of("0 3 * * *", "cron(0 3 * * ? *)");

  private final Path skyhop = Repo.packaged("orders");

  @Test
  @SuppressWarnings("unchecked")
  void templateMatchesTheManifest() throws Exception {
    Map<String, Object> template = yaml();
    JsonObject manifest =
        JsonParser.parseString(Files.readString(skyhop.resolve("manifest.json"))).getAsJsonObject();

    assertThat(template.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
    Map<String, Map<String, Object>> resources =
        (Map<String, Map<String, Object>>) template.get("Resources");
    List<String> functionNames = new ArrayList<>();
    for (JsonElement e : manifest.getAsJsonArray("functions")) {
      JsonObject f = e.getAsJsonObject();
      JsonObject aws = f.getAsJsonObject("targets").getAsJsonObject("aws");
      Map<String, Object> props =
          functionProperties(resources, aws.get("functionName").getAsString());
      functionNames.add((String) props.get("FunctionName"));
      assertThat(props.get("Handler")).isEqualTo(aws.get("handler").getAsString());
      assertThat(props.get("Runtime")).isEqualTo(aws.get("runtime").getAsString());
      assertThat(props.get("MemorySize")).isEqualTo(f.get("memoryMb").getAsInt());
      assertThat(props.get("Timeout")).isEqualTo(f.get("timeoutSeconds").getAsInt());
      assertThat(props.get("CodeUri"))
          .isEqualTo(Path.of(aws.get("package").getAsString()).getFileName().toString());
      assertThat(((Map<String, Object>) props.get("Environment")).get("Variables"))
          .isEqualTo(strings(aws.getAsJsonObject("env")));
      assertEventSource(f.getAsJsonObject("trigger"), props, resources);
    }
    assertThat(functionNames)
        .containsExactlyInAnyOrder(
            "orders-get",
            "orders-create-order",
            "orders-explode",
            "orders-nightly",
            "orders-on-order",
            "orders-on-upload");
    long functionResources =
        resources.values().stream()
            .filter(r -> r.get("Type").equals("AWS::Serverless::Function"))
            .count();
    assertThat(functionResources).isEqualTo(manifest.getAsJsonArray("functions").size());
  }

  @Test
  void cfnLintAcceptsTheTemplate() throws Exception {
    Path lint = onPath("cfn-lint");
    assumeTrue(lint != null, "cfn-lint is not installed");
    // E2533 flags deprecated runtimes: examples/orders compiles for release 17, and Lambda's java17
    // runtime is deprecated (skyhop:package warns about it); everything else must pass.
    Process p =
        new ProcessBuilder(
                lint.toString(),
                "--ignore-checks",
                "E2533",
                "--",
                skyhop.resolve("aws/template.yaml").toString())
            .redirectErrorStream(true)
            .start();
    try {
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(output).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertEventSource(
      JsonObject trigger, Map<String, Object> props, Map<String, Map<String, Object>> resources) {
    String type = trigger.get("type").getAsString();
    if (type.equals("http")) {
      String auth = trigger.get("auth").getAsString().equals("FUNCTION") ? "AWS_IAM" : "NONE";
      assertThat(props.get("FunctionUrlConfig")).isEqualTo(Map.of("AuthType", auth));
      assertThat(props).doesNotContainKey("Events");
      return;
    }
    Map<String, Map<String, Object>> events =
        (Map<String, Map<String, Object>>) props.get("Events");
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.values().iterator().next();
    Map<String, Object> ep = (Map<String, Object>) event.get("Properties");
    switch (type) {
      case "schedule" -> {
        assertThat(event.get("Type")).isEqualTo("Schedule");
        assertThat(ep.get("Schedule"))
            .isEqualTo(EVENTBRIDGE_CRON.get(trigger.get("cron").getAsString()));
      }
      case "queue" -> {
        assertThat(event.get("Type")).isEqualTo("SQS");
        assertThat(ep.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        List<String> arn = (List<String>) ((Map<String, Object>) ep.get("Queue")).get("Fn::GetAtt");
        Map<String, Object> queue = resources.get(arn.get(0));
        assertThat(queue.get("Type")).isEqualTo("AWS::SQS::Queue");
        Map<String, Object> queueProps = (Map<String, Object>) queue.get("Properties");
        assertThat(queueProps.get("QueueName"))
            .as("the physical name deploy creates")
            .isEqualTo(
                AwsNames.of(io.skyhop.tooling.naming.Naming.of("orders"))
                    .queue(trigger.get("queue").getAsString()));
        assertThat(((Map<String, Object>) queueProps.get("RedrivePolicy")).get("maxReceiveCount"))
            .isEqualTo(5);
      }
      case "storage" -> {
        assertThat(event.get("Type")).isEqualTo("S3");
        List<String> expected = new ArrayList<>();
        trigger
            .getAsJsonArray("events")
            .forEach(
                t ->
                    expected.add(
                        t.getAsString().equals("CREATED")
                            ? "s3:ObjectCreated:*"
                            : "s3:ObjectRemoved:*"));
        assertThat(ep.get("Events")).isEqualTo(expected);
        String ref = (String) ((Map<String, Object>) ep.get("Bucket")).get("Ref");
        Map<String, Object> bucket = resources.get(ref);
        assertThat(bucket.get("Type")).isEqualTo("AWS::S3::Bucket");
        assertThat(((Map<String, Object>) bucket.get("Properties")).get("BucketName"))
            .isEqualTo(trigger.get("bucket").getAsString());
      }
      default -> throw new AssertionError("Unknown trigger " + type);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> functionProperties(
      Map<String, Map<String, Object>> resources, String functionName) {
    for (Map<String, Object> r : resources.values()) {
      Map<String, Object> props = (Map<String, Object>) r.get("Properties");
      if (r.get("Type").equals("AWS::Serverless::Function")
          && functionName.equals(props.get("FunctionName"))) {
        return props;
      }
    }
    throw new AssertionError("No AWS::Serverless::Function named " + functionName);
  }

  private Map<String, Object> yaml() throws Exception {
    String text = Files.readString(skyhop.resolve("aws/template.yaml"));
    Object parsed = new Yaml().load(text);
    assertThat(parsed).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) parsed;
    return map;
  }

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
    return out;
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
