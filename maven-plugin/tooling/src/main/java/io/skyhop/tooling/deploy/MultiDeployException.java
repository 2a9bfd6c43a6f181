package io.skyhop.tooling.deploy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code skyhop:deploy -Dskyhop.targets}: one target or more failed; the message names each with
 * its first error line, and the targets that deployed.
 */
public final class MultiDeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<MultiDeployment.Outcome> outcomes;

  MultiDeployException(List<MultiDeployment.Outcome> outcomes) {
    super(message(outcomes));
    this.outcomes = List.copyOf(outcomes);
  }

  /** Every target's outcome, in the order given. */
  public List<MultiDeployment.Outcome> outcomes() {
    return outcomes;
  }

  private static String message(List<MultiDeployment.Outcome> outcomes) {
    List<MultiDeployment.Outcome> failed =
        outcomes.stream().filter(o -> o.failure().isPresent()).toList();
    String failedIds = failed.stream().map(o -> o.target().id()).collect(Collectors.joining(","));
    StringBuilder m = new StringBuilder();
    m.append("skyhop:deploy failed on ")
        .append(failed.stream().map(o -> o.target().id()).collect(Collectors.joining(", ")))
        .append(" (")
        .append(failed.size())
        .append(" of ")
        .append(outcomes.size())
        .append(" targets of ")
        .append(MultiDeployment.TARGETS)
        .append("):\n");
    for (MultiDeployment.Outcome o : failed) {
      m.append("  ").append(o.target().id()).append(": ").append(o.firstErrorLine()).append("\n");
    }
    List<String> deployed =
        outcomes.stream().filter(o -> o.failure().isEmpty()).map(o -> o.target().id()).toList();
    m.append("Deployed: ")
        .append(
            deployed.isEmpty() ? "none" : String.join(", ", deployed) + " (URLs and records above)")
        .append(". Fix: correct what failed, then deploy the failed targets again with -D")
        .append(MultiDeployment.TARGETS)
        .append("=")
        .append(failedIds);
    return m.toString();
  }
}
