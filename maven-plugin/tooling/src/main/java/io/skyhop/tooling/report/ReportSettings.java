package io.skyhop.tooling.report;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The settings of {@code skyhop:report}, read once from the {@code skyhop.*} properties.
 *
 * @param targets the targets to measure ({@code skyhop.targets}, default {@code
 *     aws,azure,gcp,local})
 * @param samples cold starts per function and target ({@code skyhop.samples}, default 5)
 * @param warmInvocations warm invocations per function and target ({@code skyhop.warmInvocations},
 *     default 50)
 * @param invocationsPerMonth the monthly volume priced ({@code skyhop.invocationsPerMonth}, default
 *     1,000,000)
 * @param coldStartRatio the share of invocations that start cold ({@code skyhop.coldStartRatio},
 *     default 0.01)
 * @param serverUsdPerMonth the in-house runtime's server price ({@code skyhop.serverUsdPerMonth},
 *     default the price table's t4g.small)
 * @param prices a price table file replacing the built-in one ({@code skyhop.prices})
 * @param whatIfDurationMs with {@code whatIfMemoryMb}: price this profile, measure nothing ({@code
 *     skyhop.durationMs})
 * @param whatIfMemoryMb the what-if memory ({@code skyhop.memoryMb})
 * @param measure cold starts to force on the provider after a deploy ({@code skyhop.measure}, 0 =
 *     none)
 * @param payloads a directory of sample payloads, {@code <function>.json} ({@code skyhop.payloads})
 * @param tracing whether the lab measures cold starts a second time with tracing on ({@code
 *     skyhop.report.tracing}, default true)
 */
public record ReportSettings(
    List<Target> targets,
    int samples,
    int warmInvocations,
    long invocationsPerMonth,
    double coldStartRatio,
    Optional<BigDecimal> serverUsdPerMonth,
    Optional<Path> prices,
    OptionalDouble whatIfDurationMs,
    OptionalInt whatIfMemoryMb,
    int measure,
    Optional<Path> payloads,
    boolean tracing) {

  /** Copies the targets. */
  public ReportSettings {
    targets = List.copyOf(targets);
  }

  /** Whether this run prices a given profile instead of measuring. */
  public boolean whatIf() {
    return whatIfDurationMs.isPresent();
  }

  /**
   * Reads the settings.
   *
   * @param values the {@code skyhop.*} properties
   * @param baseDir the project directory, against which relative paths resolve
   * @throws ConfigurationException naming the property, its value and the fix
   */
  public static ReportSettings of(Map<String, String> values, Path baseDir) {
    List<Target> targets =
        Target.list(
            values.getOrDefault("skyhop.targets", TargetProviders.defaultTargets()),
            "skyhop.targets");
    for (Target target : targets) {
      Optional<String> refusal = TargetProviders.of(target).labRefusal();
      if (refusal.isPresent()) {
        throw new ConfigurationException(
            "skyhop.targets",
            values.get("skyhop.targets"),
            "names "
                + target.id()
                + ", which the report cannot measure on this machine ("
                + refusal.get()
                + "). Fix: leave "
                + target.id()
                + " out of skyhop.targets");
      }
    }
    OptionalDouble duration = decimal(values, "skyhop.durationMs", 0, 900_000);
    OptionalInt memory = whole(values, "skyhop.memoryMb", 128, 32_768);
    if (duration.isPresent() != memory.isPresent()) {
      String given = duration.isPresent() ? "skyhop.durationMs" : "skyhop.memoryMb";
      String missing = duration.isPresent() ? "skyhop.memoryMb" : "skyhop.durationMs";
      throw new ConfigurationException(
          missing,
          missing
              + " is not set, but "
              + given
              + " is: a what-if needs both. Fix: pass -D"
              + missing
              + "=… too (e.g. -Dskyhop.durationMs=120 -Dskyhop.memoryMb=512), or neither to"
              + " measure");
    }
    return new ReportSettings(
        targets,
        whole(values, "skyhop.samples", 1, 100).orElse(5),
        whole(values, "skyhop.warmInvocations", 1, 10_000).orElse(50),
        wholeLong(values, "skyhop.invocationsPerMonth", 1, 1_000_000_000_000L).orElse(1_000_000L),
        decimal(values, "skyhop.coldStartRatio", 0, 1).orElse(0.01),
        decimal(values, "skyhop.serverUsdPerMonth", 0, 1_000_000).stream()
            .mapToObj(BigDecimal::valueOf)
            .findFirst(),
        file(values, "skyhop.prices", baseDir, false),
        duration,
        memory,
        whole(values, "skyhop.measure", 0, 50).orElse(0),
        file(values, "skyhop.payloads", baseDir, true),
        flag(values, "skyhop.report.tracing", true));
  }

  /** The settings as the report shows them. */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("targets", targets.stream().map(Target::id).toList());
    if (whatIf()) {
      d.put("durationMs", whatIfDurationMs.getAsDouble());
      d.put("memoryMb", whatIfMemoryMb.getAsInt());
    } else {
      d.put("samples", samples);
      d.put("warmInvocations", warmInvocations);
      d.put("tracing", tracing);
    }
    d.put("invocationsPerMonth", invocationsPerMonth);
    d.put("coldStartRatio", coldStartRatio);
    if (measure > 0) {
      d.put("measure", measure);
    }
    return d;
  }

  private static boolean flag(Map<String, String> values, String property, boolean otherwise) {
    Optional<String> v = value(values, property);
    if (v.isEmpty()) {
      return otherwise;
    }
    return switch (v.get()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ConfigurationException(
              property,
              v.get(),
              "is not true or false. Fix: pass -D"
                  + property
                  + "=false to skip the tracing-on measurement, or leave it out");
    };
  }

  private static Optional<String> value(Map<String, String> values, String property) {
    return Optional.ofNullable(values.get(property)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static OptionalInt whole(Map<String, String> values, String property, int min, int max) {
    Optional<String> v = value(values, property);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    long n = parseWhole(property, v.get(), min, max);
    return OptionalInt.of((int) n);
  }

  private static java.util.OptionalLong wholeLong(
      Map<String, String> values, String property, long min, long max) {
    Optional<String> v = value(values, property);
    return v.isEmpty()
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(parseWhole(property, v.get(), min, max));
  }

  private static long parseWhole(String property, String text, long min, long max) {
    try {
      long n = Long.parseLong(text.replace("_", "").replace(",", ""));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        property,
        text,
        "is not a whole number from "
            + min
            + " to "
            + max
            + ". Fix: pass e.g. -D"
            + property
            + "="
            + Math.max(min, Math.min(max, 5)));
  }

  private static OptionalDouble decimal(
      Map<String, String> values, String property, double min, double max) {
    Optional<String> v = value(values, property);
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(v.get());
      if (d >= min && d <= max && Double.isFinite(d)) {
        return OptionalDouble.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        property,
        v.get(),
        "is not a number from "
            + plain(min)
            + " to "
            + plain(max)
            + ". Fix: pass a decimal such"
            + " as -D"
            + property
            + "="
            + plain(Math.min(max, Math.max(min, 0.5))));
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static Optional<Path> file(
      Map<String, String> values, String property, Path baseDir, boolean directory) {
    Optional<String> v = value(values, property);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Path path = baseDir.resolve(v.get()).normalize();
    boolean ok = directory ? Files.isDirectory(path) : Files.isRegularFile(path);
    if (!ok) {
      throw new ConfigurationException(
          property,
          v.get(),
          "is not "
              + (directory ? "a directory" : "a readable file")
              + " ("
              + path
              + "). Fix: give the path of "
              + (directory
                  ? "a directory of <function>.json sample payloads"
                  : "a price table file in the built-in table's format")
              + ", relative to the project directory or absolute");
    }
    return Optional.of(path);
  }
}
