package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.TracingMode;

/**
 * {@code skyhop:remove} on AWS: finds the app's functions by name ({@code <app>-…}) and tags
 * ({@code skyhop:app=<app>}, and {@code skyhop:stage} naming {@code skyhop.stage} or absent without
 * one), removes their bucket notifications, event source mappings, schedule rules and URLs, then
 * the functions, then the role Skyhop created. Functions of other apps, untagged functions, other
 * notifications and a role named by {@code skyhop.aws.role} are left alone.
 */
final class AwsRemover {
  private final AwsClients clients;
  private final AwsSettings settings;
  private final PlanLog log;
  private final LambdaFunctions functions;
  private final Permissions permissions;

  AwsRemover(AwsClients clients, AwsSettings settings, PlanLog log, Pacer pacer) {
    this.clients = clients;
    this.settings = settings;
    this.log = log;
    this.functions =
        new LambdaFunctions(clients.lambda, pacer, pacer, log, TracingMode.PASS_THROUGH);
    this.permissions = new Permissions(clients.lambda, log);
  }

  /**
   * Removes the app.
   *
   * @param buckets the buckets the app's storage functions may have notifications in
   * @return the names of the functions removed
   */
  List<String> remove(Set<String> buckets) {
    List<FunctionConfiguration> owned = owned(true);
    if (owned.isEmpty()) {
      log.info("No Lambda function of the app " + settings.app() + " in " + settings.region());
    }
    List<String> removed = removeFunctions(owned, buckets);
    new ExecutionRole(clients.iam, settings, log).remove();
    return removed;
  }

  /**
   * On deploy: removes the functions of the app and stage that the project no longer has, with
   * their triggers; never another app's or stage's.
   *
   * @param kept the Lambda names of the project's functions
   * @param buckets the buckets the departed functions may have notifications in
   * @return the names of the functions removed
   */
  List<String> removeDeparted(Set<String> kept, Set<String> buckets) {
    List<FunctionConfiguration> departed =
        owned(false).stream().filter(f -> !kept.contains(f.functionName())).toList();
    departed.forEach(
        f -> log.info("The function " + f.functionName() + " left the project: removing it"));
    return departed.isEmpty() ? List.of() : removeFunctions(departed, buckets);
  }

  private List<String> removeFunctions(List<FunctionConfiguration> owned, Set<String> buckets) {
    Set<String> arns = Set.copyOf(owned.stream().map(FunctionConfiguration::functionArn).toList());
    for (String bucket : buckets) {
      new BucketNotifications(clients.s3, permissions, log, settings.resources())
          .remove(bucket, arn -> arn != null && (arns.contains(arn) || isQualified(arns, arn)));
    }
    QueueMappings queues = new QueueMappings(clients.lambda, log, settings.resources());
    ScheduleRules rules = new ScheduleRules(clients.events, permissions, log, settings);
    FunctionUrls urls = new FunctionUrls(clients.lambda, permissions, log);
    List<String> removed = new ArrayList<>();
    for (FunctionConfiguration f : owned) {
      queues.remove(f.functionName());
      rules.remove(f.functionName(), f.functionArn());
      urls.remove(f.functionName());
      functions.delete(f.functionName());
      removed.add(f.functionName());
    }
    return removed;
  }

  private static boolean isQualified(Set<String> arns, String arn) {
    return arns.stream().anyMatch(a -> arn.startsWith(a + ":"));
  }

  /** The functions named {@code <app>-…} whose tag {@code skyhop:app} names the app. */
  private List<FunctionConfiguration> owned(boolean explain) {
    String prefix = settings.app() + "-";
    List<String> candidates =
        AwsCalls.call(
            "Lambda ListFunctions",
            () ->
                clients.lambda.listFunctionsPaginator(b -> b.maxItems(50)).functions().stream()
                    .map(FunctionConfiguration::functionName)
                    .filter(n -> n.startsWith(prefix))
                    .toList());
    List<FunctionConfiguration> owned = new ArrayList<>();
    for (String name : candidates) {
      Optional<GetFunctionResponse> f = functions.find(name);
      Map<String, String> tags = f.map(GetFunctionResponse::tags).orElse(Map.of());
      if (f.isPresent() && settings.owns(tags)) {
        owned.add(f.get().configuration());
      } else if (!explain) {
        continue;
      } else if (f.isPresent() && !settings.app().equals(tags.get(FunctionSpec.APP_TAG))) {
        log.info(
            "Leaving "
                + name
                + ": its tag "
                + FunctionSpec.APP_TAG
                + " does not name "
                + settings.app());
      } else if (f.isPresent()) {
        String stage = tags.get(AwsNames.TAG_PREFIX + "stage");
        log.info(
            "Leaving "
                + name
                + ": it belongs to "
                + (stage == null ? "no stage" : "the stage " + stage)
                + ", not to "
                + settings.naming().stage().map(st -> "the stage " + st).orElse("no stage")
                + " ("
                + Naming.STAGE
                + ")");
      }
    }
    return owned;
  }
}
