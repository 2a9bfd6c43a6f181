package io.skyhop.tooling.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The in-house runtime could not be started: why, the jar and the log; callers name their setting
 * and the fix.
 */
public final class RuntimeLaunchException extends RuntimeException {
  /** Why the start failed. */
  public enum Reason {
    /** The runtime jar is not a file. */
    JAR_MISSING,
    /** The runtime exited before it served. */
    EXITED,
    /** The runtime did not serve in time (it was stopped). */
    TIMEOUT
  }

  private final Reason reason;
  private final transient Path jar;
  private final transient Path log;

  RuntimeLaunchException(Reason reason, Path jar, Path log, String detail) {
    super(
        switch (reason) {
              case JAR_MISSING -> "The in-house runtime jar was not found (" + jar + ")";
              case EXITED -> "The in-house runtime exited at start (" + detail + ")";
              case TIMEOUT -> "The in-house runtime did not serve within " + detail;
            }
            + (log == null
                ? ""
                : "; its log, "
                    + log
                    + ", ends with:"
                    + System.lineSeparator()
                    + LaunchedRuntime.lastLines(log)));
    this.reason = reason;
    this.jar = jar;
    this.log = log;
  }

  /** Why the start failed. */
  public Reason reason() {
    return reason;
  }

  /** The runtime jar asked for (null when none was given). */
  public Path jar() {
    return jar;
  }

  /** The runtime's log, empty when its output went to this process's streams. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }
}
