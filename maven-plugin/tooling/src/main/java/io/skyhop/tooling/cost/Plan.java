package io.skyhop.tooling.cost;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A target and billing plan the cost model prices: the two Lambda architectures, the two Azure
 * Functions consumption plans, Google Cloud Run functions, and the in-house runtime on a
 * provisioned server ({@link #LOCAL}).
 *
 * <p>{@link #id()} is the key of the plan in the price table and in {@code report.json}.
 */
public enum Plan {
  /** AWS Lambda on x86_64, on demand. */
  AWS_X86_64("aws-x86_64", "aws"),
  /** AWS Lambda on arm64 (Graviton), on demand. */
  AWS_ARM64("aws-arm64", "aws"),
  /** Azure Functions Consumption plan (legacy). */
  AZURE_CONSUMPTION("azure-consumption", "azure"),
  /** Azure Functions Flex Consumption plan, on demand. */
  AZURE_FLEX("azure-flex", "azure"),
  /** Google Cloud Run functions (Cloud Functions 2nd gen), request-based billing. */
  GCP("gcp", "gcp"),
  /** The in-house runtime on a provisioned server: a fixed monthly price. */
  LOCAL("local", "local");

  private final String id;
  private final String provider;

  Plan(String id, String provider) {
    this.id = id;
    this.provider = provider;
  }

  /** The plan's key in the price table and in reports, e.g. {@code "aws-arm64"}. */
  public String id() {
    return id;
  }

  /**
   * The Skyhop target the plan belongs to: {@code aws}, {@code azure}, {@code gcp}, {@code local}.
   */
  public String provider() {
    return provider;
  }

  /** Whether the plan is billed per invocation (every plan but {@link #LOCAL}). */
  public boolean isCloud() {
    return this != LOCAL;
  }

  /**
   * The plan with the given {@link #id()}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the known ids when there is no such plan
   */
  public static Plan fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(plan -> plan.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown plan \""
                        + id
                        + "\"; known plans: "
                        + Arrays.stream(values()).map(Plan::id).collect(Collectors.joining(", "))));
  }
}
