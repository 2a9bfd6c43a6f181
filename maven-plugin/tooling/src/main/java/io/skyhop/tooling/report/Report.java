package io.skyhop.tooling.report;

import io.skyhop.tooling.cost.PriceStamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code skyhop:report} found, before rendering.
 *
 * @param app the app name
 * @param generatedAt when
 * @param mode {@code measured} or {@code what-if}
 * @param machine where it was measured: processors, Java version, operating system
 * @param settings the settings used ({@code samples}, {@code warmInvocations}, {@code
 *     invocationsPerMonth}, {@code coldStartRatio}…), as written in the report
 * @param prices the price table's version and date
 * @param server the server the in-house runtime is priced on, e.g. {@code t4g.small}
 * @param serverUsdPerMonth its monthly price
 * @param results one per target, function and source
 * @param curves the cost against volume per target and function
 * @param notes what the reader should know about the figures
 * @param tracing cold starts with tracing off beside on, per target and function (empty when not
 *     measured)
 */
public record Report(
    String app,
    Instant generatedAt,
    String mode,
    String machine,
    java.util.Map<String, Object> settings,
    PriceStamp prices,
    String server,
    BigDecimal serverUsdPerMonth,
    List<Result> results,
    List<CostCurve> curves,
    List<String> notes,
    List<TracingColdStart> tracing) {

  /** Checks the parts and copies the collections. */
  public Report {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(prices, "prices");
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    results = List.copyOf(results);
    curves = List.copyOf(curves);
    notes = List.copyOf(notes);
    tracing = List.copyOf(tracing);
  }

  /** The function names, in first-seen order. */
  public List<String> functions() {
    return results.stream().map(Result::function).distinct().toList();
  }

  /** The target ids, in first-seen order. */
  public List<String> targets() {
    return results.stream().map(Result::target).distinct().toList();
  }
}
