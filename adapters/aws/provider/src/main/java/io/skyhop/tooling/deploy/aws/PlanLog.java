package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.BuildListener;

/**
 * Prints one line per resource: what is (or, in a dry run, would be) created, updated, left
 * unchanged or deleted.
 */
final class PlanLog {
  /** What happens to a resource. */
  enum Change {
    CREATE("create", "created"),
    UPDATE("update", "updated"),
    UNCHANGED("unchanged", "unchanged"),
    DELETE("delete", "deleted");

    private final String planned;
    private final String done;

    Change(String planned, String done) {
      this.planned = planned;
      this.done = done;
    }
  }

  private final BuildListener listener;
  private final boolean dryRun;

  PlanLog(BuildListener listener, boolean dryRun) {
    this.listener = listener;
    this.dryRun = dryRun;
  }

  boolean dryRun() {
    return dryRun;
  }

  /**
   * One line, e.g. {@code created function orders-get (java17, 512 MB, 10 s)}.
   *
   * @param detail shown in parentheses when not empty
   */
  void line(Change change, String kind, String name, String detail) {
    listener.info(
        String.format(
            "%s%-9s %-12s %s%s",
            dryRun ? "[dry run] " : "",
            dryRun ? change.planned : change.done,
            kind,
            name,
            detail.isEmpty() ? "" : " (" + detail + ")"));
  }

  void info(String message) {
    listener.info(message);
  }

  void warn(String message) {
    listener.warn(message);
  }
}
