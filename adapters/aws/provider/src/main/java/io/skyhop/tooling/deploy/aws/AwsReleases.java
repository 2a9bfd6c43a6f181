package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * AWS Lambda's releases: published versions behind the alias {@value LambdaAlias#ALIAS}, which
 * every trigger calls. The kept release lives on AWS, not on the deploying machine: a deploy that
 * verified points the alias {@value #LAST_GOOD} at the live version (the version it replaces as
 * last good moves to {@value #PREVIOUS}); an alias also keeps its version from being deleted.
 * Rolling back points {@value LambdaAlias#ALIAS} at {@value #LAST_GOOD} when it serves something
 * else (a deploy that did not verify), else at {@value #PREVIOUS} ({@code skyhop:rollback} after a
 * good deploy), which then becomes the last good one. Functions without the live alias run {@code
 * $LATEST} and have no version to return to.
 */
final class AwsReleases implements Releases {
  /** The alias of the last version that verified. */
  static final String LAST_GOOD = "last-good";

  /** The alias of the version that was last good before it. */
  static final String PREVIOUS = "previous";

  private final Supplier<AwsCredentialsProvider> credentials;

  AwsReleases() {
    this(Credentials::defaultChain);
  }

  AwsReleases(Supplier<AwsCredentialsProvider> credentials) {
    this.credentials = credentials;
  }

  @Override
  public void keep(DeployRequest request, DeployResult result, BuildListener listener) {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    PlanLog log = new PlanLog(listener, false);
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider);
        AwsClients clients = new AwsClients(settings, provider)) {
      Aliases aliases = new Aliases(clients.lambda, log);
      for (DeployResult.Function f : result.functions()) {
        if (f.details() == null || f.details().get("alias") == null) {
          continue;
        }
        String name = f.resource();
        Optional<String> live = aliases.find(name, LambdaAlias.ALIAS).map(versionOf());
        Optional<String> good = aliases.find(name, LAST_GOOD).map(versionOf());
        if (live.isEmpty() || live.equals(good)) {
          continue;
        }
        good.ifPresent(v -> aliases.point(name, PREVIOUS, v, "Skyhop: the good version before"));
        aliases.point(name, LAST_GOOD, live.get(), "Skyhop: the last version that verified");
      }
    }
  }

  @Override
  public Optional<String> restore(DeployRequest request, BuildListener listener) throws Exception {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    PlanLog log = new PlanLog(listener, false);
    List<String> restored = new ArrayList<>();
    AwsCredentialsProvider provider = credentials.get();
    try (SdkAutoCloseable chain = Credentials.closing(provider);
        AwsClients clients = new AwsClients(settings, provider)) {
      Aliases aliases = new Aliases(clients.lambda, log);
      for (Manifest.Function f : manifest.functions()) {
        String name = settings.functionName(f.name());
        Optional<String> live = aliases.find(name, LambdaAlias.ALIAS).map(versionOf());
        if (live.isEmpty()) {
          listener.warn(
              "Not rolled back: "
                  + name
                  + " runs $LATEST (no "
                  + LambdaAlias.ALIAS
                  + " alias), there is no version to return to");
          continue;
        }
        Optional<String> good = aliases.find(name, LAST_GOOD).map(versionOf());
        Optional<String> target = good.filter(v -> !v.equals(live.get()));
        if (target.isEmpty()) {
          target = aliases.find(name, PREVIOUS).map(versionOf()).filter(v -> !v.equals(live.get()));
          target.ifPresent(
              v -> aliases.point(name, LAST_GOOD, v, "Skyhop: the last version that verified"));
        }
        if (target.isPresent()) {
          aliases.point(name, LambdaAlias.ALIAS, target.get(), "Skyhop: the live version");
          restored.add(name + " version " + target.get() + " (was " + live.get() + ")");
        }
      }
    }
    return restored.isEmpty()
        ? Optional.empty()
        : Optional.of(LambdaAlias.ALIAS + " of " + String.join(", ", restored));
  }

  private static java.util.function.Function<GetAliasResponse, String> versionOf() {
    return GetAliasResponse::functionVersion;
  }
}
