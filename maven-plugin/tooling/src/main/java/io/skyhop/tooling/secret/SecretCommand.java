package io.skyhop.tooling.secret;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code skyhop:secret}: stores the value of one declared secret in the chosen target's store for
 * the stage. Says where it stored it, never the value.
 */
public final class SecretCommand {
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

  private final BuildListener listener;

  /** A command reporting to {@code listener}. */
  public SecretCommand(BuildListener listener) {
    this.listener = listener;
  }

  /**
   * Stores {@code value} as secret {@code name}.
   *
   * @throws ConfigurationException when the name is not declared by any function of the package, or
   *     the target has no secret store Skyhop writes to (knative)
   */
  public void store(DeployRequest request, String name, SecretValue value) throws Exception {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          "skyhop.secret",
          name,
          "is not a secret name: it must match ^[a-z][a-z0-9-]{0,62}$. Fix: use the name of"
              + " @Function(secrets = {...})");
    }
    List<String> declared = declared(ManifestFile.read(request.skyhopDir()));
    if (!declared.contains(name)) {
      throw new ConfigurationException(
          "skyhop.secret",
          name,
          "is not declared by any function (declared: "
              + declared
              + "). Fix: add it to @Function(secrets = {...}) and package again, or pick a declared"
              + " name");
    }
    String where = store(request.target()).put(request, name, value, listener);
    listener.info("Stored secret '" + name + "' in " + where + " (" + value + ")");
  }

  /** The store of each target. */
  static SecretStore store(Target target) {
    return TargetProviders.of(target).secretStore();
  }

  private static List<String> declared(Manifest manifest) {
    TreeSet<String> names = new TreeSet<>();
    manifest.functions().forEach(f -> names.addAll(f.secrets()));
    return List.copyOf(names);
  }
}
