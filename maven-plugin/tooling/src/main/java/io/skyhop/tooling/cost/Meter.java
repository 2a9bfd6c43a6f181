package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Applies a plan's billing rules to a profile: billed memory, vCPU and time per invocation. Pure
 * arithmetic on {@link BigDecimal}, exact except for a Flex concurrency that does not divide
 * evenly.
 */
final class Meter {

  private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

  private Meter() {}

  /** What one invocation of {@code profile} bills under {@code prices}. */
  static Billing meter(PlanPrices prices, Profile profile) {
    int memoryMb = memoryMb(prices, profile);
    BigDecimal vcpu =
        prices.vcpuByMemoryMb().isEmpty()
            ? BigDecimal.ZERO
            : prices
                .vcpuFor(memoryMb)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            prices.plan().id()
                                + " lists no vCPU for "
                                + memoryMb
                                + " MB; the largest size is "
                                + prices.vcpuByMemoryMb().lastKey()
                                + " MB"));
    BigDecimal handler = BigDecimal.valueOf(profile.handlerDurationMs());
    long warm = billedMs(prices, handler);
    long cold = warm;
    if (prices.initBilled()) {
      BigDecimal init =
          BigDecimal.valueOf(profile.initDurationMs()).min(BigDecimal.valueOf(prices.initCapMs()));
      cold = billedMs(prices, handler.add(init));
    }
    BigDecimal ratio = BigDecimal.valueOf(profile.coldStartRatio());
    BigDecimal average =
        BigDecimal.valueOf(warm)
            .multiply(BigDecimal.ONE.subtract(ratio))
            .add(BigDecimal.valueOf(cold).multiply(ratio));
    BigDecimal seconds = average.movePointLeft(3);
    BigDecimal memorySeconds = BigDecimal.valueOf(memoryMb).divide(MB_PER_GB).multiply(seconds);
    if (prices.memory().basis() == MemoryRule.Basis.INSTANCE && profile.flexConcurrency() > 1) {
      memorySeconds =
          memorySeconds.divide(
              BigDecimal.valueOf(profile.flexConcurrency()), MathContext.DECIMAL128);
    }
    return new Billing(
        memoryMb,
        vcpu,
        warm,
        cold,
        Money.clean(average),
        Money.clean(memorySeconds),
        Money.clean(vcpu.multiply(seconds)));
  }

  /** The time billed for an invocation of {@code ms}: rounded up, at least the minimum. */
  static long billedMs(PlanPrices prices, BigDecimal ms) {
    BigDecimal step = BigDecimal.valueOf(prices.durationRoundingMs());
    long rounded = ms.divide(step, 0, RoundingMode.CEILING).multiply(step).longValueExact();
    return Math.max(rounded, prices.minimumDurationMs());
  }

  private static int memoryMb(PlanPrices prices, Profile profile) {
    MemoryRule rule = prices.memory();
    String plan = prices.plan().id();
    switch (rule.basis()) {
      case CONFIGURED:
        int configured = profile.memoryMb();
        if (configured < rule.minMb() || configured > rule.maxMb()) {
          throw new IllegalArgumentException(
              plan
                  + " memory must be from "
                  + rule.minMb()
                  + " to "
                  + rule.maxMb()
                  + " MB, was "
                  + configured
                  + " MB");
        }
        return roundUp(configured, rule.incrementMb());
      case OBSERVED:
        int observed = profile.observedPeakMemoryMb().orElse(profile.memoryMb());
        int rounded = roundUp(observed, rule.incrementMb());
        return Math.min(rule.maxMb(), Math.max(rule.minMb(), rounded));
      case INSTANCE:
        int instance = profile.flexInstanceMemoryMb().orElse(rule.defaultMb());
        if (!rule.allowedMb().contains(instance)) {
          throw new IllegalArgumentException(
              plan
                  + " instance memory must be one of "
                  + rule.allowedMb()
                  + " MB, was "
                  + instance);
        }
        return instance;
      default:
        throw new IllegalStateException("Unknown memory basis " + rule.basis());
    }
  }

  private static int roundUp(int mb, int increment) {
    return Math.multiplyExact((mb + increment - 1) / increment, increment);
  }
}
