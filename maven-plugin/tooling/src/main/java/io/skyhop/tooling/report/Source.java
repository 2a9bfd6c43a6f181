package io.skyhop.tooling.report;

/** Where a figure of the report comes from. */
public enum Source {
  /** Measured by the local lab on this machine, through the target's own runtime code. */
  MEASURED_LOCALLY("measured-locally"),
  /** Measured on the provider after a deploy ({@code skyhop.measure}). */
  PROVIDER("provider"),
  /** Not measured: the profile given by {@code skyhop.durationMs} and {@code skyhop.memoryMb}. */
  WHAT_IF("what-if");

  private final String id;

  Source(String id) {
    this.id = id;
  }

  /** The value written in {@code report.json}. */
  public String id() {
    return id;
  }
}
