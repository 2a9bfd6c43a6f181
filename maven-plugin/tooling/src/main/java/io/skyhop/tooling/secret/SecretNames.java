package io.skyhop.tooling.secret;

import java.util.Optional;

/**
 * The one place that names a secret in each target's store, from the app, the stage ({@code
 * skyhop.stage}, optional) and the name a function declares. Stages of one app never share a value.
 */
public final class SecretNames {
  private SecretNames() {}

  /** AWS Secrets Manager: {@code <app>/<stage>/<name>}, {@code <app>/<name>} without a stage. */
  public static String aws(String app, Optional<String> stage, String name) {
    return app + "/" + stage.map(s -> s + "/").orElse("") + name;
  }

  /**
   * Google Secret Manager (ids of letters, digits, {@code -} and {@code _}): {@code
   * <app>_<stage>_<name>}, {@code <app>_<name>} without a stage; {@code _} appears in none of the
   * three, so the id is unambiguous.
   */
  public static String gcp(String app, Optional<String> stage, String name) {
    return app + "_" + stage.map(s -> s + "_").orElse("") + name;
  }

  /**
   * Azure Key Vault (names of letters, digits and {@code -}): {@code <app>--<stage>--<name>},
   * {@code <app>--<name>} without a stage.
   */
  public static String azure(String app, Optional<String> stage, String name) {
    return app + "--" + stage.map(s -> s + "--").orElse("") + name;
  }

  /**
   * The Kubernetes Secret holding an app's secrets, one key per name: {@code
   * <app>[-<stage>]-secrets}.
   */
  public static String knative(String app, Optional<String> stage) {
    return app + stage.map(s -> "-" + s).orElse("") + "-secrets";
  }
}
