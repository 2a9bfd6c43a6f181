package io.skyhop.tooling.deploy.aws;

import com.google.gson.Gson;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.FunctionLevers;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.aws.AwsLevers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Deploys to AWS Lambda with the AWS SDK for Java v2: the execution role, one function {@code
 * <app>-<function>} per Skyhop function from {@code target/skyhop/aws/<app>.zip}, and its trigger
 * (function URL, EventBridge rule, SQS event source mapping or S3 notification). Reads first and
 * changes only what differs, so an unchanged app uploads nothing and a re-run after a failure
 * continues where it stopped.
 */
public final class AwsDeployer implements Deployer {
  private final Pacer pacer;
  private final Pacer propagation;
  private final Supplier<AwsCredentialsProvider> credentials;

  /** The deployer with the standard waits. */
  public AwsDeployer() {
    this(
        Pacer.standard(),
        new Pacer(
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofSeconds(90),
            io.skyhop.tooling.retry.RetryPolicy.Sleeper.THREAD),
        Credentials::defaultChain);
  }

  AwsDeployer(Pacer pacer, Pacer propagation, Supplier<AwsCredentialsProvider> credentials) {
    this.pacer = pacer;
    this.propagation = propagation;
    this.credentials = credentials;
  }

  @Override
  public void validate(DeployRequest request) {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    if (Files.isRegularFile(request.skyhopDir().resolve("manifest.json"))) {
      validate(settings, read(request));
    }
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider)) {
      Credentials.check(provider);
    }
  }

  static void validate(AwsSettings settings, Manifest manifest) {
    settings.resources().validate(manifest);
    for (Manifest.Function f : manifest.functions()) {
      if ("schedule".equals(f.triggerType())) {
        String tz = f.trigger().timezoneOrUtc();
        if (!"UTC".equals(tz) && !"Etc/UTC".equals(tz)) {
          throw new ConfigurationException(
              "@ScheduleTrigger(timezone)",
              tz,
              "cannot be used on aws: EventBridge rules run in UTC (function "
                  + f.name()
                  + "). Fix: set timezone = \"UTC\" and write the cron in UTC");
        }
        ScheduleRules.expression(f.trigger());
      }
    }
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws IOException {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    Manifest manifest = read(request);
    validate(settings, manifest);
    Path zip = request.targetDir().resolve(request.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new ConfigurationException(
          "skyhop.targets",
          zip + " is missing. Fix: run 'mvn package' with aws in skyhop.targets before deploying");
    }
    LambdaFunctions.Code code = LambdaFunctions.Code.of(Files.readAllBytes(zip));
    PlanLog log = new PlanLog(listener, request.dryRun());
    log.info(
        (request.dryRun() ? "Plan for" : "Deploying")
            + " "
            + manifest.functions().size()
            + " functions of "
            + settings.app()
            + " to AWS Lambda in "
            + settings.region()
            + settings.endpoint().map(e -> " via " + e).orElse("")
            + " (package "
            + zip.getFileName()
            + ", "
            + code.zip().length / 1024
            + " KiB, CodeSha256 "
            + code.sha256()
            + ")");
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider);
        AwsClients clients = new AwsClients(settings, provider)) {
      new SecretValues(clients.secrets, log)
          .require(manifest, settings.app(), request.settings().get(Naming.STAGE));
      ExecutionRole.Resolved role = new ExecutionRole(clients.iam, settings, log).ensure();
      Optional<String> account = role.arn().map(Arns::account);
      AwsAppResources.Ensured resources =
          new AwsAppResources(clients, settings, log)
              .ensure(manifest, account.orElse(AwsResources.UNKNOWN_ACCOUNT));
      AppPolicy.apply(
          clients.iam, settings, role.arn(), resources.queueArns(), resources.bucketArns(), log);
      List<String> secrets =
          SecretGrant.resources(
              manifest,
              settings.app(),
              request.settings().get(Naming.STAGE),
              settings.region(),
              account.orElse("<account>"));
      role.arn().ifPresent(r -> SecretGrant.apply(clients.iam, settings, r, secrets, log));
      if (!secrets.isEmpty() && request.settings().get(FunctionSpec.SECRETS_LAYER).isEmpty()) {
        log.warn(
            "Functions read their secrets with a direct signed call to Secrets Manager, about 500"
                + " ms of CPU per cold start more than through the AWS Parameters and Secrets"
                + " Lambda Extension. Fix: set "
                + FunctionSpec.SECRETS_LAYER
                + " to the extension's layer ARN for "
                + settings.region());
      }
      List<DeployResult.Function> results =
          deployFunctions(request, settings, manifest, code, clients, log, role);
      new AwsRemover(clients, settings, log, pacer)
          .removeDeparted(
              Set.copyOf(results.stream().map(DeployResult.Function::resource).toList()),
              buckets(request, settings));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("region", settings.region());
      fnAccountOf(results).or(() -> account).ifPresent(a -> details.put("account", a));
      role.arn().ifPresent(r -> details.put("role", r));
      details.put("roleManagedBySkyhop", settings.role().isEmpty());
      details.put("package", zip.toString());
      details.put("codeSha256", code.sha256());
      return new DeployResult(
          "aws",
          settings.app(),
          settings.naming().stageLabel(),
          results,
          resources.records(),
          details);
    }
  }

  private List<DeployResult.Function> deployFunctions(
      DeployRequest request,
      AwsSettings settings,
      Manifest manifest,
      LambdaFunctions.Code code,
      AwsClients clients,
      PlanLog log,
      ExecutionRole.Resolved role) {
    Optional<String> account = role.arn().map(Arns::account);
    LambdaFunctions functions =
        new LambdaFunctions(
            clients.lambda,
            pacer,
            propagation,
            log,
            role.managed() ? TracingMode.ACTIVE : TracingMode.PASS_THROUGH);
    Triggers triggers = new Triggers(clients, settings, log);
    List<DeployResult.Function> results = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      FunctionSpec spec =
          FunctionSpec.of(
              settings,
              f,
              role.arn().orElse("<role " + settings.createdRoleName() + ">"),
              request.settings().get(FunctionSpec.SECRETS_LAYER));
      LambdaFunctions.Outcome outcome =
          functions.ensure(settings, spec, code, () -> triggers.tighten(spec.name(), f));
      Optional<String> arn =
          outcome
              .arn()
              .or(() -> account.map(a -> Arns.function(settings.region(), a, spec.name())));
      Optional<String> fnAccount = account.or(() -> arn.map(Arns::account));
      boolean planned = request.dryRun() && outcome.change() == PlanLog.Change.CREATE;
      new LambdaArchitecture(clients.lambda, pacer, log)
          .ensure(spec.name(), AwsLevers.architecture(request.settings().values()), code, planned);
      FunctionLevers levers =
          AwsLevers.of(request.settings().values(), f.name(), f.leversOrNone(), spec.runtime());
      String alias = null;
      if (LambdaAlias.needed(levers)) {
        new LambdaAlias(clients.lambda, pacer, log).publish(spec.name(), levers);
        alias = LambdaAlias.ALIAS;
      }
      Wired wired = triggers.wire(new LiveFunction(spec, arn, fnAccount, planned, alias), f);
      DeployResult.Function result = result(f, spec, outcome, arn, wired, request.dryRun());
      if (alias != null) {
        result.details().put("alias", alias);
      }
      results.add(result);
    }
    return results;
  }

  private static Optional<String> fnAccountOf(List<DeployResult.Function> results) {
    return results.stream()
        .map(r -> r.details().get("functionArn"))
        .filter(String.class::isInstance)
        .map(a -> Arns.account((String) a))
        .findFirst();
  }

  private static DeployResult.Function result(
      Manifest.Function f,
      FunctionSpec spec,
      LambdaFunctions.Outcome outcome,
      Optional<String> arn,
      Wired wired,
      boolean dryRun) {
    DeployResult.Action action;
    if (outcome.change() == PlanLog.Change.CREATE) {
      action = dryRun ? DeployResult.Action.CREATE : DeployResult.Action.CREATED;
    } else if (outcome.change() == PlanLog.Change.UPDATE || wired.changed()) {
      action = dryRun ? DeployResult.Action.UPDATE : DeployResult.Action.UPDATED;
    } else {
      action = DeployResult.Action.UNCHANGED;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    arn.ifPresent(a -> details.put("functionArn", a));
    details.put("runtime", spec.runtime());
    details.put("handler", spec.handler());
    details.put("memoryMb", spec.memoryMb());
    details.put("timeoutSeconds", spec.timeoutSeconds());
    details.put("codeSha256", outcome.codeSha256());
    if (!outcome.changes().isEmpty()) {
      details.put("changed", outcome.changes());
    }
    details.put("trigger", f.triggerType());
    details.putAll(wired.details());
    return new DeployResult.Function(f.name(), spec.name(), action, wired.endpoint(), details);
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) throws IOException {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    PlanLog log = new PlanLog(listener, request.dryRun());
    Set<String> buckets = buckets(request, settings);
    log.info(
        (request.dryRun() ? "Plan to remove" : "Removing")
            + " the app "
            + settings.app()
            + " from AWS Lambda in "
            + settings.region()
            + settings.endpoint().map(e -> " via " + e).orElse(""));
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider);
        AwsClients clients = new AwsClients(settings, provider)) {
      Set<String> bound = boundNames(settings);
      AwsAppResources resources = new AwsAppResources(clients, settings, log);
      List<String> owned = resources.ownedBuckets(bound);
      buckets.addAll(owned);
      List<String> removed = new AwsRemover(clients, settings, log, pacer).remove(buckets);
      log.info((request.dryRun() ? "Would remove " : "Removed ") + removed.size() + " functions");
      resources.remove(
          bound,
          owned,
          request.settings().get(AppBuckets.REMOVE_DATA).map(Boolean::parseBoolean).orElse(false));
    }
    Path record = request.recordFile();
    if (!request.dryRun()) {
      Files.deleteIfExists(record);
    }
  }

  /** The names of the queues and buckets bound with {@code skyhop.resources.<logical>}. */
  private static Set<String> boundNames(AwsSettings settings) {
    Set<String> names = new LinkedHashSet<>();
    settings
        .bindings()
        .bound()
        .values()
        .forEach(v -> names.add(v.substring(v.lastIndexOf(':') + 1)));
    return names;
  }

  /** Bound buckets of the manifest's storage functions and buckets of the last deploy's record. */
  private static Set<String> buckets(DeployRequest request, AwsSettings settings)
      throws IOException {
    Set<String> buckets = new LinkedHashSet<>();
    if (Files.isRegularFile(request.skyhopDir().resolve("manifest.json"))) {
      for (Manifest.Function f : read(request).functions()) {
        String logical = String.valueOf(f.trigger().bucket());
        if ("storage".equals(f.triggerType()) && settings.resources().bound(logical)) {
          buckets.add(settings.resources().bucket(logical, AwsResources.UNKNOWN_ACCOUNT));
        }
      }
    }
    Path record = request.recordFile();
    if (Files.isRegularFile(record)) {
      DeployResult last = new Gson().fromJson(Files.readString(record), DeployResult.class);
      if (last != null && last.functions() != null) {
        for (DeployResult.Function f : last.functions()) {
          if (f.details() != null && f.details().get("bucket") instanceof String b) {
            buckets.add(b);
          }
        }
      }
    }
    return buckets;
  }

  private static Manifest read(DeployRequest request) {
    try {
      return ManifestFile.read(request.skyhopDir());
    } catch (IOException e) {
      throw new ConfigurationException(
          "skyhop.targets",
          "Cannot read "
              + request.skyhopDir().resolve("manifest.json")
              + ": "
              + e.getMessage()
              + ". Fix: run 'mvn package'");
    }
  }
}
