package io.skyhop.tooling.naming;

/**
 * Names on the in-house runtime and in Kubernetes. Limits: runtime app names 63 lower-case letters,
 * digits and hyphens starting with a letter; runtime queue names 128; runtime bucket names 63
 * lower-case; Kubernetes object names (DNS-1035 labels) 63, and a Knative Service's name at most 57
 * so that its revision names ({@code <service>-00001}) stay within 63.
 */
public final class ClusterNames {
  /** In-house runtime app names. */
  public static final int MAX_APP = 63;

  /** In-house runtime queue names. */
  public static final int MAX_QUEUE = 128;

  /** In-house runtime bucket names. */
  public static final int MAX_BUCKET = 63;

  /** Knative Service names. */
  public static final int MAX_SERVICE = 57;

  private final Naming naming;

  ClusterNames(Naming naming) {
    this.naming = naming;
  }

  /**
   * The app on the in-house runtime (and the Knative Service): {@code <app>} as today without a
   * stage, else {@code <app>-<stage>}.
   */
  public String app() {
    return naming.stage().isEmpty()
        ? naming.app()
        : Naming.fit(Naming.dnsSafe(naming.prefix()), MAX_SERVICE);
  }

  /** The runtime queue of a logical queue: the logical name without a stage, else prefixed. */
  public String queue(String logical) {
    return naming.stage().isEmpty()
        ? logical
        : Naming.fit(naming.prefix() + "-" + logical, MAX_QUEUE);
  }

  /** The runtime bucket of a logical bucket: the logical name without a stage, else prefixed. */
  public String bucket(String logical) {
    return naming.stage().isEmpty()
        ? logical
        : Naming.fit(Naming.dnsSafe(naming.prefix() + "-" + logical), MAX_BUCKET);
  }
}
