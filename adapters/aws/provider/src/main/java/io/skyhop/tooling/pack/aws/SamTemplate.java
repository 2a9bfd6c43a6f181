package io.skyhop.tooling.pack.aws;

import io.skyhop.api.Auth;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.secret.SecretNames;
import io.skyhop.tooling.settings.StageSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The SAM template equivalent to the {@code aws} package: one {@code AWS::Serverless::Function} per
 * function (handler, runtime, memory, timeout, environment, code) with its event source: a Function
 * URL for HTTP, an EventBridge schedule, an SQS queue with partial batch responses, or S3
 * notifications. SAM wires SQS and S3 events only to resources of the same template, so the queues
 * and buckets the triggers name are declared too (with those names).
 */
final class SamTemplate {
  private static final String QUEUE_SUFFIX = "Queue";
  private static final String BUCKET_SUFFIX = "Bucket";
  private static final String DEAD_LETTER_SUFFIX = "DeadLetterQueue";

  /** The logical id of the app's execution role. */
  static final String ROLE_ID = "SkyhopExecutionRole";

  private final PackageRequest request;
  private final Naming naming;
  private final String codeUri;
  private final Map<String, Object> resources = new LinkedHashMap<>();
  private final Map<String, Object> outputs = new LinkedHashMap<>();
  private final Set<String> queueIds = new LinkedHashSet<>();
  private final Set<String> bucketIds = new LinkedHashSet<>();
  private final Set<String> secretIds = new TreeSet<>();

  private SamTemplate(PackageRequest request, String codeUri) {
    this.naming = new Naming(request.app(), request.option(Naming.STAGE));
    this.request = request;
    this.codeUri = codeUri;
  }

  /** The template as YAML. */
  static String yaml(PackageRequest request, FunctionIndex index, String codeUri) {
    SamTemplate t = new SamTemplate(request, codeUri);
    for (FunctionDef f : index.functions()) {
      t.function(f, index);
    }
    t.put(ROLE_ID, t.role());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("AWSTemplateFormatVersion", "2010-09-09");
    root.put("Transform", "AWS::Serverless-2016-10-31");
    root.put(
        "Description",
        request.app() + " " + request.version() + ": Skyhop functions on AWS Lambda");
    root.put("Resources", t.resources);
    if (!t.outputs.isEmpty()) {
      root.put("Outputs", t.outputs);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return new Yaml(options).dump(root);
  }

  private void function(FunctionDef f, FunctionIndex index) {
    String id = LambdaNaming.logicalId(f.name(), "Function");
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("FunctionName", LambdaNaming.functionName(naming, f.name()));
    props.put("CodeUri", codeUri);
    props.put("Handler", LambdaNaming.HANDLER);
    props.put("Runtime", LambdaNaming.runtime(request.javaRelease()));
    props.put("MemorySize", f.memoryMb());
    props.put("Timeout", f.timeoutSeconds());
    if (f.maxConcurrency() > 0) {
      props.put("ReservedConcurrentExecutions", f.maxConcurrency());
    }
    props.put("Environment", Map.of("Variables", LambdaNaming.environment(request, f)));
    f.secrets()
        .forEach(
            n ->
                secretIds.add(
                    SecretNames.aws(request.app(), request.option(StageSettings.STAGE), n)));
    props.put("Role", Map.of("Fn::GetAtt", List.of(ROLE_ID, "Arn")));
    props.put("Tags", AwsNames.of(naming).functionTags(f.name()));
    // as deploy sets it: each line carries its level and request id (docs/logs.md)
    props.put("LoggingConfig", Map.of("LogFormat", "JSON"));
    // X-Ray active tracing (the role carries AWSXrayWriteOnlyAccess, as deploy attaches it)
    props.put("Tracing", "Active");
    SamLevers.put(
        props,
        request.options(),
        f.name(),
        index.levers(f.name()),
        LambdaNaming.runtime(request.javaRelease()));
    Trigger trigger = f.trigger();
    if (trigger instanceof Trigger.Http http) {
      props.put(
          "FunctionUrlConfig",
          Map.of("AuthType", http.auth() == Auth.FUNCTION ? "AWS_IAM" : "NONE"));
      outputs.put(
          LambdaNaming.logicalId(f.name(), "Url"),
          map(
              "Description",
              "Function URL of " + f.name(),
              "Value",
              Map.of("Fn::GetAtt", List.of(id + "Url", "FunctionUrl"))));
    } else {
      props.put("Events", Map.of(eventName(trigger), event(f, trigger)));
    }
    put(id, map("Type", "AWS::Serverless::Function", "Properties", props));
  }

  private static String eventName(Trigger trigger) {
    return switch (trigger.type()) {
      case "schedule" -> "Schedule";
      case "queue" -> "Queue";
      default -> "Storage";
    };
  }

  private Map<String, Object> event(FunctionDef f, Trigger trigger) {
    if (trigger instanceof Trigger.Schedule s) {
      return schedule(f, s);
    }
    if (trigger instanceof Trigger.Queue q) {
      String queueId = queue(q.queue(), f.timeoutSeconds());
      Map<String, Object> props = new LinkedHashMap<>();
      queueIds.add(queueId);
      props.put("Queue", Map.of("Fn::GetAtt", List.of(queueId, "Arn")));
      props.put("BatchSize", 10);
      props.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
      return map("Type", "SQS", "Properties", props);
    }
    Trigger.Storage storage = (Trigger.Storage) trigger;
    List<String> events = new ArrayList<>();
    for (StorageEvent.Type type : storage.events()) {
      events.add(type == StorageEvent.Type.CREATED ? "s3:ObjectCreated:*" : "s3:ObjectRemoved:*");
    }
    Map<String, Object> props = new LinkedHashMap<>();
    String bucketId = bucket(storage.bucket());
    bucketIds.add(bucketId);
    props.put("Bucket", Map.of("Ref", bucketId));
    props.put("Events", events);
    return map("Type", "S3", "Properties", props);
  }

  /**
   * An EventBridge rule for UTC schedules; other time zones need EventBridge Scheduler, whose input
   * is set to a scheduled event carrying the due time, so the adapter sees the same shape.
   */
  private Map<String, Object> schedule(FunctionDef f, Trigger.Schedule s) {
    String cron = EventBridgeCron.of(CronExpression.parse(s.cron()));
    String name = LambdaNaming.functionName(naming, f.name());
    Map<String, Object> props = new LinkedHashMap<>();
    if (s.timezone().equals("UTC")) {
      props.put("Schedule", cron);
      props.put("Name", name);
      return map("Type", "Schedule", "Properties", props);
    }
    props.put("ScheduleExpression", cron);
    props.put("ScheduleExpressionTimezone", s.timezone());
    props.put("Name", name);
    props.put(
        "Input",
        "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
            + "\"time\":\"<aws.scheduler.scheduled-time>\",\"detail\":{}}");
    return map("Type", "ScheduleV2", "Properties", props);
  }

  /**
   * The app's queue under its physical name, with its dead-letter queue and redrive policy, tagged,
   * as {@code mvn deploy} creates them.
   */
  private String queue(String name, int functionTimeout) {
    String id = LambdaNaming.logicalId(name, QUEUE_SUFFIX);
    int visibility = SqsQueueSettings.visibilityTimeout(functionTimeout);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("QueueName", AwsNames.of(naming).queue(name));
    props.put("VisibilityTimeout", visibility);
    String deadLetterId = LambdaNaming.logicalId(name, DEAD_LETTER_SUFFIX);
    props.put(
        "RedrivePolicy",
        map(
            "deadLetterTargetArn",
            Map.of("Fn::GetAtt", List.of(deadLetterId, "Arn")),
            "maxReceiveCount",
            SqsQueueSettings.MAX_RECEIVE_COUNT));
    props.put("Tags", tagList());
    Object existing = resources.get(id);
    if (existing != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> existingProps =
          (Map<String, Object>) ((Map<String, Object>) existing).get("Properties");
      int before = (Integer) existingProps.get("VisibilityTimeout");
      existingProps.put("VisibilityTimeout", Math.max(before, visibility));
      return id;
    }
    Map<String, Object> deadLetter = new LinkedHashMap<>();
    deadLetter.put("QueueName", AwsNames.of(naming).deadLetterQueue(name));
    deadLetter.put("MessageRetentionPeriod", SqsQueueSettings.DEAD_LETTER_RETENTION);
    deadLetter.put("Tags", tagList());
    put(deadLetterId, map("Type", "AWS::SQS::Queue", "Properties", deadLetter));
    put(id, map("Type", "AWS::SQS::Queue", "Properties", props));
    return id;
  }

  /**
   * The app's execution role as {@code mvn deploy} creates it for the same stage: its name, the
   * managed policies, and inline policies naming exactly the template's queues, buckets' objects
   * and declared secrets ({@link AppRoleStatements}). Every function runs under it, so SAM adds no
   * policy of its own (an SQS event would otherwise bring {@code AWSLambdaSQSQueueExecutionRole},
   * every queue).
   */
  private Map<String, Object> role() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("RoleName", AwsNames.of(naming).role());
    props.put("AssumeRolePolicyDocument", AppRoleStatements.trust());
    props.put(
        "ManagedPolicyArns",
        AppRoleStatements.MANAGED.stream()
            .map(m -> Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/" + m))
            .toList());
    List<Object> policies = new ArrayList<>();
    List<Object> resources =
        AppRoleStatements.resources(
            queueIds.stream().map(q -> Map.of("Fn::GetAtt", List.of(q, "Arn"))).toList(),
            // by name, not Ref: the bucket's notification depends on the function, which depends
            // on this role (a Ref would be a circular dependency)
            bucketIds.stream()
                .map(b -> Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::" + bucketName(b) + "/*"))
                .toList());
    if (!resources.isEmpty()) {
      policies.add(
          map(
              "PolicyName",
              AppRoleStatements.RESOURCES_POLICY,
              "PolicyDocument",
              AppRoleStatements.document(resources)));
    }
    if (!secretIds.isEmpty()) {
      List<Object> secrets =
          secretIds.stream()
              .map(
                  id ->
                      (Object)
                          Map.of(
                              "Fn::Sub",
                              "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                                  + id
                                  + "-??????"))
              .toList();
      policies.add(
          map(
              "PolicyName",
              AppRoleStatements.SECRETS_POLICY,
              "PolicyDocument",
              AppRoleStatements.document(List.of(AppRoleStatements.secrets(secrets)))));
    }
    if (!policies.isEmpty()) {
      props.put("Policies", policies);
    }
    props.put("Tags", tagList());
    return map("Type", "AWS::IAM::Role", "Properties", props);
  }

  @SuppressWarnings("unchecked")
  private String bucketName(String id) {
    Map<String, Object> bucket = (Map<String, Object>) resources.get(id);
    return (String) ((Map<String, Object>) bucket.get("Properties")).get("BucketName");
  }

  /** The app's and stage's tags as CloudFormation lists them. */
  private List<Map<String, Object>> tagList() {
    // Key before Value in every run (Map.of iterates in a per-JVM order)
    return AwsNames.of(naming).tags().entrySet().stream()
        .map(t -> map("Key", t.getKey(), "Value", t.getValue()))
        .toList();
  }

  private String bucket(String name) {
    String id = LambdaNaming.logicalId(name, BUCKET_SUFFIX);
    if (!resources.containsKey(id)) {
      Map<String, Object> props = new LinkedHashMap<>();
      // the name as before: the physical one's hash covers the account, unknown when packaging
      props.put("BucketName", name);
      Map<String, Object> block = new LinkedHashMap<>();
      for (String setting :
          List.of(
              "BlockPublicAcls",
              "IgnorePublicAcls",
              "BlockPublicPolicy",
              "RestrictPublicBuckets")) {
        block.put(setting, true);
      }
      props.put("PublicAccessBlockConfiguration", block);
      props.put(
          "BucketEncryption",
          Map.of(
              "ServerSideEncryptionConfiguration",
              List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))));
      props.put("Tags", tagList());
      put(id, map("Type", "AWS::S3::Bucket", "Properties", props));
    }
    return id;
  }

  private void put(String id, Map<String, Object> resource) {
    if (resources.containsKey(id)) {
      throw new ConfigurationException(
          "@Function(name)",
          id,
          "is the CloudFormation logical id of two resources of the SAM template (function,"
              + " queue or bucket names that differ only in '-' or case). Fix: rename one of"
              + " them");
    }
    resources.put(id, resource);
  }

  private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
