package io.skyhop.tooling.settings;

import io.skyhop.tooling.Target;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Environment keys a target sets itself or refuses, from the providers' documentation: AWS Lambda's
 * reserved variables, Azure App Service's and Functions' app settings, Cloud Run's container
 * contract and Cloud Functions' reserved names, Knative's container contract. Compared
 * case-insensitively, since Azure app setting names are.
 */
public final class ReservedKeys {
  private record Rule(Target target, List<String> prefixes, List<String> names, String owner) {}

  private static final List<String> SKYHOP = List.of("SKYHOP_");

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              Target.AWS,
              List.of("AWS_", "LAMBDA_"),
              List.of("_HANDLER", "_X_AMZN_TRACE_ID"),
              "AWS Lambda"),
          new Rule(
              Target.AZURE,
              List.of(
                  "FUNCTIONS_",
                  "WEBSITE_",
                  "WEBSITES_",
                  "AZUREWEBJOBS",
                  "AZUREFUNCTIONSJOBHOST",
                  "SCM_",
                  "APPSETTING_"),
              List.of(),
              "Azure Functions"),
          new Rule(
              Target.GCP,
              List.of("K_", "X_GOOGLE_"),
              List.of("FUNCTION_TARGET", "FUNCTION_SIGNATURE_TYPE", "PORT"),
              "Google Cloud Functions"),
          new Rule(Target.KNATIVE, List.of("K_"), List.of("PORT"), "Knative Serving"));

  private ReservedKeys() {}

  /**
   * Why {@code key} cannot be set on one of {@code targets}: e.g. {@code reserved by AWS Lambda},
   * or empty when every target accepts it.
   */
  public static Optional<String> refusal(String key, List<Target> targets) {
    String upper = key.toUpperCase(Locale.ROOT);
    if (SKYHOP.stream().anyMatch(upper::startsWith)) {
      return Optional.of("is reserved by Skyhop (SKYHOP_*)");
    }
    if (key.contains("__") && targets.contains(Target.AZURE)) {
      return Optional.of(
          "holds '__', which Azure Functions reads as a hierarchy separator in app settings");
    }
    for (Rule rule : RULES) {
      if (targets.contains(rule.target())
          && (rule.names().contains(upper)
              || rule.prefixes().stream().anyMatch(upper::startsWith))) {
        return Optional.of(
            "is reserved by " + rule.owner() + " (target " + rule.target().id() + ")");
      }
    }
    return Optional.empty();
  }
}
