package io.skyhop.tooling.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cheapest and the fastest target of each function, among the results of one source: the lowest
 * monthly cost (then the lowest cost per million), and the lowest median cold start.
 */
public final class Marks {
  private final Set<Result> cheapest = new HashSet<>();
  private final Set<Result> fastest = new HashSet<>();

  /** Marks {@code results}, comparing each function's results of the same source. */
  public Marks(List<Result> results) {
    for (Source source : Source.values()) {
      for (String function : results.stream().map(Result::function).distinct().toList()) {
        List<Result> group =
            results.stream()
                .filter(r -> r.source() == source && r.function().equals(function))
                .toList();
        if (group.size() < 2) {
          continue;
        }
        group.stream()
            .min(
                Comparator.comparing((Result r) -> r.cost().monthlyUsd())
                    .thenComparing(r -> r.cost().perMillionUsd()))
            .ifPresent(cheapest::add);
        group.stream()
            .filter(r -> r.coldStartMs().isPresent())
            .min(Comparator.comparingDouble(r -> r.coldStartMs().get().p50()))
            .ifPresent(fastest::add);
      }
    }
  }

  /** Whether {@code result} is its function's cheapest. */
  public boolean cheapest(Result result) {
    return cheapest.contains(result);
  }

  /** Whether {@code result} is its function's fastest to start. */
  public boolean fastest(Result result) {
    return fastest.contains(result);
  }

  /** {@code cheapest}, {@code fastest}, both joined by a comma, or empty. */
  public String label(Result result) {
    String c = cheapest(result) ? "cheapest" : "";
    String f = fastest(result) ? "fastest" : "";
    return c.isEmpty() ? f : f.isEmpty() ? c : c + ", " + f;
  }
}
