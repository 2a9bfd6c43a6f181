package io.skyhop.tooling.lab;

import io.skyhop.tooling.BuildListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every harness of one lab run shares.
 *
 * @param app the app name
 * @param skyhopDir {@code target/skyhop}, where the packaged artifacts are
 * @param workDir where the lab unpacks packages and writes instance logs ({@code
 *     target/skyhop/lab})
 * @param tools the provider runtime code
 * @param samples what to send each function
 * @param startTimeout how long an instance may take to start and answer its first invocation
 * @param listener progress and warnings
 */
public record LabContext(
    String app,
    Path skyhopDir,
    Path workDir,
    LabTools tools,
    Samples samples,
    Duration startTimeout,
    BuildListener listener,
    AtomicInteger instanceCounter) {

  /** Checks that every part is present. */
  public LabContext {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(skyhopDir, "skyhopDir");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(instanceCounter, "instanceCounter");
  }

  /** A context with a fresh instance counter. */
  public static LabContext of(
      String app,
      Path skyhopDir,
      LabTools tools,
      Samples samples,
      Duration startTimeout,
      BuildListener listener) {
    return new LabContext(
        app,
        skyhopDir,
        skyhopDir.resolve("lab"),
        tools,
        samples,
        startTimeout,
        listener,
        new AtomicInteger());
  }

  /** A new log file for an instance: {@code lab/logs/<target>-<function>-<n>.log}. */
  public Path instanceLog(String target, String function) {
    return workDir
        .resolve("logs")
        .resolve(target + "-" + function + "-" + instanceCounter.incrementAndGet() + ".log");
  }

  /** {@link System#nanoTime()} at which an instance started now must have answered. */
  public long startDeadline() {
    return System.nanoTime() + startTimeout.toNanos();
  }
}
