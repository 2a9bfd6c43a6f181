package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.DeployVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Checks a deploy to AWS Lambda: every function (its {@value LambdaAlias#ALIAS} version when it has
 * the alias) {@code State=Active} with {@code LastUpdateStatus=Successful}, every trigger
 * registered ({@link TriggerChecks}) and, with smoke calls on, every HTTP function answering below
 * 500 ({@link SmokeInvoke}). States still settling (Pending, InProgress, a mapping Creating) are
 * awaited for a short while; what is still not right then is a failure naming the function and what
 * was seen.
 */
final class AwsVerifier implements DeployVerifier {
  private final Supplier<AwsCredentialsProvider> credentials;
  private final Pacer pacer;

  /** The verifier of {@code skyhop:deploy}: default credential chain, up to 2 minutes of waits. */
  AwsVerifier() {
    this(
        Credentials::defaultChain,
        new Pacer(
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            Duration.ofMinutes(2),
            io.skyhop.tooling.retry.RetryPolicy.Sleeper.THREAD));
  }

  AwsVerifier(Supplier<AwsCredentialsProvider> credentials, Pacer pacer) {
    this.credentials = credentials;
    this.pacer = pacer;
  }

  @Override
  public List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    List<Failure> failures = new ArrayList<>();
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider);
        AwsClients clients = new AwsClients(settings, provider)) {
      TriggerChecks triggers = new TriggerChecks(clients, pacer);
      SmokeInvoke invoke = new SmokeInvoke(clients.lambda);
      for (Manifest.Function f : manifest.functions()) {
        Optional<DeployResult.Function> deployed =
            result.functions().stream().filter(r -> r.name().equals(f.name())).findFirst();
        if (deployed.isEmpty()) {
          failures.add(new Failure(f.name(), "not in the deploy's result"));
          continue;
        }
        String name = qualified(deployed.get());
        Optional<String> problem =
            state(clients, name).or(() -> triggers.problem(f, deployed.get()));
        if (problem.isEmpty() && smoke && "http".equals(f.triggerType())) {
          invoke.call(f, name).ifPresent(failures::add);
        } else {
          problem.ifPresent(p -> failures.add(new Failure(f.name(), p)));
        }
      }
    }
    return failures;
  }

  /** {@code <function>:live} when the deploy pointed the alias, else the function's name. */
  static String qualified(DeployResult.Function f) {
    Map<String, Object> details = f.details() == null ? Map.of() : f.details();
    Object alias = details.get("alias");
    return alias == null ? f.resource() : f.resource() + ":" + alias;
  }

  /** What is wrong with the function's state, once it stopped changing; empty when nothing. */
  private Optional<String> state(AwsClients clients, String name) {
    String[] parts = name.split(":", 2);
    Supplier<GetFunctionConfigurationResponse> read =
        () ->
            AwsCalls.call(
                "Lambda GetFunctionConfiguration " + name,
                () ->
                    clients.lambda.getFunctionConfiguration(
                        b ->
                            b.functionName(parts[0])
                                .qualifier(parts.length > 1 ? parts[1] : null)));
    GetFunctionConfigurationResponse c;
    try {
      c =
          pacer.until(
              name + " to leave State=Pending and LastUpdateStatus=InProgress",
              () -> {
                GetFunctionConfigurationResponse now = read.get();
                boolean settling =
                    "Pending".equals(now.stateAsString())
                        || "InProgress".equals(now.lastUpdateStatusAsString());
                return settling ? Optional.empty() : Optional.of(now);
              });
    } catch (AwsDeployException e) {
      c = read.get();
    }
    boolean active = "Active".equals(c.stateAsString());
    boolean updated =
        c.lastUpdateStatus() == null || "Successful".equals(c.lastUpdateStatusAsString());
    if (active && updated) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + " is State="
            + c.stateAsString()
            + (c.stateReason() == null ? "" : " (" + c.stateReason() + ")")
            + ", LastUpdateStatus="
            + c.lastUpdateStatusAsString()
            + (c.lastUpdateStatusReason() == null ? "" : " (" + c.lastUpdateStatusReason() + ")"));
  }
}
