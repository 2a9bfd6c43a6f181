package io.skyhop.tooling.pack;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portability check: every setting some target cannot honour exactly, asked of each target's
 * provider ({@link io.skyhop.tooling.TargetProvider#portability}), rendered as one table that
 * {@code skyhop:package} prints and {@code report.md} repeats.
 */
public final class Portability {
  /** The property that turns the findings into a failure. */
  public static final String STRICT = "skyhop.strict";

  private Portability() {}

  /** The findings of every target, in the targets' order. */
  public static List<PortabilityFinding> findings(Manifest manifest, List<Target> targets) {
    List<PortabilityFinding> all = new ArrayList<>();
    for (Target target : targets) {
      all.addAll(TargetProviders.of(target).portability(manifest));
    }
    return List.copyOf(all);
  }

  /**
   * The finding of a function whose schedule runs outside UTC on a target whose timers run in UTC
   * only, empty for any other function.
   *
   * @param applied what the target does instead, e.g. {@code refused by deploy: … run in UTC}
   */
  public static Optional<PortabilityFinding> scheduleOutsideUtc(
      Target target, Manifest.Function function, String applied) {
    if (!"schedule".equals(function.triggerType())) {
      return Optional.empty();
    }
    String zone = function.trigger().timezoneOrUtc();
    if ("UTC".equals(zone) || "Etc/UTC".equals(zone)) {
      return Optional.empty();
    }
    return Optional.of(
        new PortabilityFinding(
            target, function.name(), "@ScheduleTrigger(timezone)", zone, applied));
  }

  /** The table, in Markdown (which reads as plain text on a console too). */
  public static String table(List<PortabilityFinding> findings) {
    if (findings.isEmpty()) {
      return "Every target honours every setting exactly.\n";
    }
    StringBuilder md = new StringBuilder();
    md.append("| target | function | setting | asked | applied |\n");
    md.append("|---|---|---|---|---|\n");
    for (PortabilityFinding f : findings) {
      md.append("| ").append(f.target().id());
      for (String cell : List.of(f.function(), f.setting(), f.asked(), f.applied())) {
        md.append(" | ").append(cell.replace("|", "\\|"));
      }
      md.append(" |\n");
    }
    return md.toString();
  }

  /** The section of {@code report.md}. */
  public static String markdownSection(List<PortabilityFinding> findings) {
    return "\n## Portability\n\nSettings a target cannot honour exactly:\n\n" + table(findings);
  }

  /**
   * Prints the table when it has a row and, when {@code strict}, fails on any finding.
   *
   * @throws ConfigurationException naming the first setting not honoured when {@code strict}
   */
  public static void check(List<PortabilityFinding> findings, boolean strict, BuildListener out) {
    if (findings.isEmpty()) {
      return;
    }
    out.info("portability: settings a target cannot honour exactly");
    for (String line : table(findings).split("\n")) {
      out.info(line);
    }
    if (strict) {
      PortabilityFinding first = findings.get(0);
      throw new ConfigurationException(
          STRICT,
          "true",
          "fails the build: "
              + findings.size()
              + " settings cannot be honoured exactly, the first "
              + first.setting()
              + " = "
              + first.asked()
              + " of function "
              + first.function()
              + " on "
              + first.target().id()
              + " ("
              + first.applied()
              + "). Fix: change the settings named in the portability table to what the targets"
              + " apply, or leave those targets out of skyhop.targets, or drop -D"
              + STRICT);
    }
  }
}
