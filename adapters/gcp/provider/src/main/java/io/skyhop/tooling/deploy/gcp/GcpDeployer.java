package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.scheduler.v1.Job;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.runtime.JavaRuntimes;
import io.skyhop.tooling.secret.SecretNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys to Google Cloud Functions (2nd gen) through Google's client libraries: per function
 * {@code <app>-<function>}, upload {@code gcp/<app>.zip} to a signed URL, create or update the
 * function and wait for its operation; public access for {@code Auth.ANONYMOUS} HTTP functions
 * ({@code roles/run.invoker} for {@code allUsers} on the function's Cloud Run service); a Cloud
 * Scheduler job per schedule; Pub/Sub and Cloud Storage triggers for queues and buckets. Unchanged
 * functions are left alone (the zip's hash is kept in a label). {@code remove} deletes the
 * functions labelled with the app and the jobs whose description names it.
 */
public final class GcpDeployer implements Deployer {
  private final GcpCredentials credentials;
  private final Timing timing;

  /**
   * How long to wait between retries and polls.
   *
   * @param calls retries of failed calls
   * @param polling polls of long-running operations
   */
  record Timing(java.util.function.Function<BuildListener, Calls> calls, GcpApi.Polling polling) {
    static Timing standard() {
      return new Timing(Calls::standard, GcpApi.Polling.standard());
    }
  }

  /** A deployer using application-default credentials. */
  public GcpDeployer() {
    this(GcpCredentials.applicationDefault(), Timing.standard());
  }

  /** A deployer using the given credentials (tests). */
  public GcpDeployer(GcpCredentials credentials) {
    this(credentials, Timing.standard());
  }

  GcpDeployer(GcpCredentials credentials, Timing timing) {
    this.credentials = credentials;
    this.timing = timing;
  }

  GcpCredentials credentials() {
    return credentials;
  }

  Timing timing() {
    return timing;
  }

  /**
   * Checks the project, region and endpoint settings and finds the credentials, calling nothing.
   * {@code deploy} checks the manifest and the zip before its first call; {@code remove} needs
   * neither.
   */
  @Override
  public void validate(DeployRequest request) {
    GcpSettings.of(request.settings());
    credentials.load();
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws IOException {
    GcpSettings gcp = GcpSettings.of(request.settings());
    io.skyhop.tooling.deploy.Architectures.requireX86(
        request.settings(), "gcp", "Cloud Run functions run on x86_64 only");
    Manifest manifest = manifest(request);
    List<FunctionSpec> specs = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      specs.add(
          FunctionSpec.of(
              gcp, manifest, request.naming(), ResourceBindings.of(request.settings()), f));
    }
    Path zip = zip(request);
    byte[] bytes = Files.readAllBytes(zip);
    FunctionRollout.Code code = new FunctionRollout.Code(bytes, sha256(bytes));
    listener.info(
        "gcp: project "
            + gcp.project()
            + ", region "
            + gcp.region()
            + ", "
            + zip.getFileName()
            + " sha256 "
            + code.sha256()
            + (request.dryRun() ? " (dry run: reading only)" : ""));
    List<DeployResult.Function> results = new ArrayList<>();
    List<String> secretGrants = new ArrayList<>();
    List<DeployResult.Resource> resources;
    List<String> appGrants;
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      GcpApi api =
          new GcpApi(
              clients, timing.calls().apply(listener), timing.polling().with(request.settings()));
      GcpHttp http = http(gcp, listener);
      resources =
          new ArrayList<>(
              appResources(http, request, gcp, listener).ensure(manifest, request.dryRun()));
      GcpAppIdentity identity = new GcpAppIdentity(http, gcp, request.naming(), listener);
      appGrants = identity.ensure(manifest, resources, request.dryRun());
      specs.replaceAll(s -> s.withServiceAccount(identity.email()));
      JavaRuntimes.builtIn()
          .checkOffered(
              Target.named("gcp"),
              manifest.javaRelease(),
              OfferedRuntimes.java(api.listRuntimes(gcp.parent()), gcp.parent()),
              LocalDate.now(ZoneOffset.UTC),
              listener);
      FunctionRollout rollout = new FunctionRollout(api, gcp, listener, code);
      Schedules schedules = new Schedules(api, gcp);
      InvokerAccess access = new InvokerAccess(api);
      GcpSecretGrants grants =
          new GcpSecretGrants(
              new SecretManager(clients, timing.calls().apply(listener)), api, listener);
      for (int i = 0; i < specs.size(); i++) {
        FunctionSpec spec = specs.get(i);
        Manifest.Function fn = manifest.functions().get(i);
        secretGrants.addAll(grants.ensure(spec, spec.skyhopName(), request.dryRun()));
        java.util.function.Consumer<Optional<Function>> after =
            deployed -> identity.afterFunction(spec, fn, deployed, access, request.dryRun());
        results.add(
            request.dryRun()
                ? plan(Schedules.owner(request.naming()), spec, rollout, schedules, after, listener)
                : apply(
                    Schedules.owner(request.naming()),
                    spec,
                    rollout,
                    schedules,
                    access,
                    after,
                    listener));
      }
      grants.revokeUndeclared(
          specs, SecretNames.gcp(request.app(), request.naming().stage(), ""), request.dryRun());
      new GcpOwned(api, gcp, request.naming(), listener)
          .removeDeparted(
              java.util.Set.copyOf(specs.stream().map(FunctionSpec::id).toList()),
              java.util.Set.copyOf(
                  specs.stream()
                      .flatMap(s -> s.schedule().stream())
                      .map(FunctionSpec.Schedule::jobId)
                      .toList()),
              request.dryRun());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("project", gcp.project());
    details.put("region", gcp.region());
    details.put("codeSha256", code.sha256());
    if (!secretGrants.isEmpty()) {
      details.put("secretGrants", secretGrants);
    }
    if (!specs.isEmpty()) {
      details.put(
          "serviceAccount", specs.get(0).function().getServiceConfig().getServiceAccountEmail());
    }
    details.put("grants", appGrants);
    return new DeployResult("gcp", request.app(), "", results, resources, details);
  }

  private GcpHttp http(GcpSettings gcp, BuildListener listener) {
    return new GcpHttp(credentials.load(), gcp.endpoint(), timing.calls().apply(listener).policy());
  }

  private GcpAppResources appResources(
      GcpHttp http, DeployRequest request, GcpSettings gcp, BuildListener listener) {
    return new GcpAppResources(
        http, gcp, request.naming(), ResourceBindings.of(request.settings()), listener);
  }

  private DeployResult.Function plan(
      String app,
      FunctionSpec spec,
      FunctionRollout rollout,
      Schedules schedules,
      java.util.function.Consumer<Optional<Function>> after,
      BuildListener listener) {
    FunctionRollout.Outcome outcome = rollout.plan(spec);
    after.accept(outcome.function());
    Map<String, Object> details = new LinkedHashMap<>();
    if (!outcome.mask().isEmpty()) {
      details.put("changes", outcome.mask());
    }
    listener.info(
        "plan: "
            + outcome.action().name().toLowerCase()
            + " function "
            + spec.id()
            + (outcome.mask().isEmpty() ? "" : " (" + String.join(", ", outcome.mask()) + ")"));
    if (spec.schedule().isPresent()) {
      Optional<Job> wanted = Optional.empty();
      Optional<Function> existing = outcome.function();
      if (existing.isPresent() && !existing.get().getServiceConfig().getUri().isEmpty()) {
        wanted = Optional.of(job(app, spec, existing.get(), schedules));
      }
      Action job = schedules.plan(spec.schedule().get(), wanted);
      details.put("job", spec.schedule().get().jobId());
      details.put("jobAction", job);
      listener.info("plan: " + job.name().toLowerCase() + " job " + spec.schedule().get().jobId());
    }
    return new DeployResult.Function(
        spec.skyhopName(),
        spec.id(),
        outcome.action(),
        endpoint(spec, outcome.function()),
        details);
  }

  private DeployResult.Function apply(
      String app,
      FunctionSpec spec,
      FunctionRollout rollout,
      Schedules schedules,
      InvokerAccess access,
      java.util.function.Consumer<Optional<Function>> after,
      BuildListener listener) {
    FunctionRollout.Outcome outcome = rollout.apply(spec);
    Function deployed = outcome.function().orElseThrow();
    after.accept(outcome.function());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", deployed.getName());
    details.put("service", deployed.getServiceConfig().getService());
    details.put("uploaded", outcome.uploaded());
    if (!outcome.mask().isEmpty()) {
      details.put("changes", outcome.mask());
    }
    String service = deployed.getServiceConfig().getService();
    if (spec.httpPath().isPresent() && !service.isEmpty()) {
      if (access.ensure(service, InvokerAccess.ALL_USERS, spec.isPublic())) {
        listener.info(
            spec.id() + ": " + (spec.isPublic() ? "public (allUsers may invoke)" : "private"));
      }
      details.put("public", spec.isPublic());
    }
    if (spec.schedule().isPresent()) {
      Job job = job(app, spec, deployed, schedules);
      String account = job.getHttpTarget().getOidcToken().getServiceAccountEmail();
      access.ensure(service, "serviceAccount:" + account, true);
      Action action = schedules.apply(job);
      listener.info(spec.id() + ": job " + action.name().toLowerCase());
      details.put("job", job.getName());
      details.put("jobAction", action);
    }
    return new DeployResult.Function(
        spec.skyhopName(),
        spec.id(),
        outcome.action(),
        endpoint(spec, Optional.of(deployed)),
        details);
  }

  private static Job job(String app, FunctionSpec spec, Function deployed, Schedules schedules) {
    String account = spec.function().getServiceConfig().getServiceAccountEmail();
    if (account.isEmpty()) {
      account = deployed.getServiceConfig().getServiceAccountEmail();
    }
    if (account.isEmpty()) {
      throw new GcpApiException(
          "GetFunction " + spec.id(), null,
          "the function has no serviceConfig.serviceAccountEmail, needed for its scheduler's"
                  + " OIDC token",
              null);
    }
    return schedules.desired(
        app,
        spec,
        spec.schedule().orElseThrow(),
        deployed.getServiceConfig().getUri(),
        account,
        spec.function().getServiceConfig().getTimeoutSeconds());
  }

  private static String endpoint(FunctionSpec spec, Optional<Function> function) {
    String uri = function.map(f -> f.getServiceConfig().getUri()).orElse("");
    if (spec.httpPath().isPresent()) {
      return uri.isEmpty()
          ? "(URL known after deploy)" + spec.httpPath().get()
          : uri + spec.httpPath().get();
    }
    return spec.trigger();
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    Naming naming = request.naming();
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      GcpApi api =
          new GcpApi(
              clients, timing.calls().apply(listener), timing.polling().with(request.settings()));
      GcpOwned owned = new GcpOwned(api, gcp, naming, listener);
      List<Job> jobs = owned.jobs();
      List<Function> functions = owned.functions();
      if (jobs.isEmpty() && functions.isEmpty()) {
        listener.info("gcp: no function of app " + naming.prefix() + " in " + gcp.parent());
      } else {
        owned.delete(jobs, functions, request.dryRun());
      }
    }
    GcpHttp http = http(gcp, listener);
    appResources(http, request, gcp, listener)
        .remove(
            request
                .settings()
                .get(GcpAppResources.REMOVE_DATA)
                .map(Boolean::parseBoolean)
                .orElse(false),
            request.dryRun());
    new GcpAppIdentity(http, gcp, naming, listener).remove(request.dryRun());
  }

  private static Manifest manifest(DeployRequest request) {
    try {
      return ManifestFile.read(request.skyhopDir());
    } catch (IOException e) {
      throw new ConfigurationException(
          "skyhop.targets",
          "Cannot read "
              + request.skyhopDir().resolve("manifest.json")
              + " ("
              + e.getMessage()
              + "). Fix: run 'mvn package' with gcp in skyhop.targets");
    }
  }

  private static Path zip(DeployRequest request) {
    Path zip = request.targetDir().resolve(request.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new ConfigurationException(
          "skyhop.targets",
          zip
              + " is missing. Fix: run 'mvn package' with gcp in skyhop.targets (and the same"
              + " skyhop.app) before deploying");
    }
    return zip;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
