package io.skyhop.tooling.pack.aws;

import io.skyhop.core.Levers;
import io.skyhop.tooling.pack.FunctionLevers;
import java.util.List;
import java.util.Map;

/**
 * A function's levers in the SAM template, as deploy applies them: {@code Architectures}, {@code
 * SnapStart: {ApplyOn: PublishedVersions}}, {@code AutoPublishAlias: live} (SAM then attaches the
 * Function URL and event sources to the alias) and {@code ProvisionedConcurrencyConfig} on it.
 */
final class SamLevers {
  /** The alias deploy points at the published version. */
  static final String ALIAS = "live";

  private SamLevers() {}

  static void put(
      Map<String, Object> props,
      Map<String, String> options,
      String function,
      Levers declared,
      String runtime) {
    String architecture = AwsLevers.architecture(options);
    if (!architecture.equals("x86_64")) {
      props.put("Architectures", List.of(architecture));
    }
    FunctionLevers levers = AwsLevers.of(options, function, FunctionLevers.of(declared), runtime);
    if (levers.snapStart()) {
      props.put("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }
    if (levers.snapStart() || levers.minInstances() > 0) {
      props.put("AutoPublishAlias", ALIAS);
    }
    if (levers.minInstances() > 0) {
      props.put(
          "ProvisionedConcurrencyConfig",
          Map.of("ProvisionedConcurrentExecutions", levers.minInstances()));
    }
  }
}
