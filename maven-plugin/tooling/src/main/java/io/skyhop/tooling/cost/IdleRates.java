package io.skyhop.tooling.cost;

import java.math.BigDecimal;

/**
 * What instances kept ready cost on one plan: a baseline per GB-s (and vCPU-s on Google) for every
 * second of the month they exist, and the rates their executions then bill at. List prices of the
 * price table's reference regions, 2026-11 ({@code docs/levers.md} states each figure and its
 * source).
 *
 * @param plan the plan
 * @param idleGbSecondUsd baseline per GB-s (GiB-s) of instance memory, every second of the month
 * @param idleVcpuSecondUsd baseline per vCPU-s (Google), else zero
 * @param executingGbSecondUsd per GB-s while executing on a ready instance
 * @param freeTier whether the plan's monthly free tier still applies to requests and compute
 * @param what the provider's name for the lever
 */
public record IdleRates(
    Plan plan,
    BigDecimal idleGbSecondUsd,
    BigDecimal idleVcpuSecondUsd,
    BigDecimal executingGbSecondUsd,
    boolean freeTier,
    String what) {

  /**
   * The rates of a plan.
   *
   * @throws IllegalArgumentException for the in-house runtime, whose warm pool costs nothing beyond
   *     its server
   */
  public static IdleRates of(Plan plan) {
    return switch (plan) {
      // Lambda provisioned concurrency: while enabled + while executing; no free tier
      case AWS_X86_64 ->
          new IdleRates(
              plan,
              usd("0.0000041667"),
              BigDecimal.ZERO,
              usd("0.0000097222"),
              false,
              "provisioned concurrency");
      case AWS_ARM64 ->
          new IdleRates(
              plan,
              usd("0.0000033334"),
              BigDecimal.ZERO,
              usd("0.0000077778"),
              false,
              "provisioned concurrency");
      // Flex Consumption always-ready: baseline 24x7 + while executing; no free grant
      case AZURE_FLEX ->
          new IdleRates(
              plan,
              usd("0.000004"),
              BigDecimal.ZERO,
              usd("0.000016"),
              false,
              "always-ready instances");
      // Consumption has no ready instances: priced as Flex's would be is wrong, so refuse
      case AZURE_CONSUMPTION ->
          throw new IllegalArgumentException(
              "azure-consumption has no always-ready instances; minInstances needs Flex"
                  + " Consumption (azure-flex)");
      // Cloud Run idle minimum instances (request-based billing, tier 1)
      case GCP ->
          new IdleRates(
              plan,
              usd("0.0000025"),
              usd("0.0000025"),
              usd("0.0000025"),
              true,
              "minimum instances");
      case LOCAL ->
          throw new IllegalArgumentException(
              "the in-house runtime's warm pool runs on its server, whose price is fixed");
    };
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }
}
