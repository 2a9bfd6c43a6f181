package io.skyhop.tooling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The targets a function can run on: the explicit registry, no classpath discovery. */
public enum Target {
  /** AWS Lambda. */
  AWS("aws"),
  /** Azure Functions (Java, Functions v4). */
  AZURE("azure"),
  /** Google Cloud Functions 2nd gen. */
  GCP("gcp"),
  /** The in-house Skyhop runtime. */
  LOCAL("local"),
  /** The in-house runtime as a container on Knative Serving. */
  KNATIVE("knative");

  private final String id;

  Target(String id) {
    this.id = id;
  }

  /** The id users type, e.g. {@code aws}. */
  public String id() {
    return id;
  }

  /**
   * The target with this id.
   *
   * @param property the property the value came from, named in the error
   * @throws ConfigurationException for an unknown id
   */
  public static Target of(String value, String property) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Target t : values()) {
      if (t.id.equals(v)) {
        return t;
      }
    }
    throw new ConfigurationException(
        property, value, "is not a Skyhop target. Fix: set -D" + property + "= to one of " + ids());
  }

  /** Parses a comma-separated list such as {@code aws,azure,gcp,local}. */
  public static List<Target> list(String value, String property) {
    Set<Target> targets = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        targets.add(of(part, property));
      }
    }
    if (targets.isEmpty()) {
      throw new ConfigurationException(
          property, value, "names no target. Fix: list some of " + ids() + ", comma-separated");
    }
    return new ArrayList<>(targets);
  }

  private static String ids() {
    return Arrays.stream(values()).map(Target::id).toList().toString();
  }
}
