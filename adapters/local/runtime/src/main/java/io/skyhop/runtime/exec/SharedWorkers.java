package io.skyhop.runtime.exec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared workers of the {@code --shared} mode, one per app version: hands out lanes (instances)
 * of the running one, or starts one with the first lane. A worker that ended or is closing is
 * replaced by a new one at the next lane.
 */
final class SharedWorkers {
  private final Path bootJar;
  private final Map<String, SharedProcess> running = new HashMap<>();

  SharedWorkers(Path bootJar) {
    this.bootJar = bootJar;
  }

  /** The jar holding the shared workers' entry point. */
  Path bootJar() {
    return bootJar;
  }

  /**
   * A new lane for an instance of {@code spec}'s function on its app version's shared worker, which
   * {@code starter} starts when none runs (the caller then waits for it to be ready).
   *
   * @throws InstanceFailure of kind {@code START_FAILED} when no worker could be started
   */
  synchronized Lane lane(WorkerSpec spec, String id, Starter starter) throws InstanceFailure {
    String key = spec.app() + "/" + spec.version();
    SharedProcess process = running.get(key);
    Link link = process == null ? null : process.lane(spec.function());
    if (link != null) {
      return new Lane(process, link, false);
    }
    SharedProcess fresh = starter.start(spec, id);
    running.put(key, fresh);
    fresh.process().onExit().thenRun(() -> forget(key, fresh));
    link = fresh.lane(spec.function());
    if (link == null) {
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED,
          "The shared worker of " + spec.app() + " exited at once");
    }
    return new Lane(fresh, link, true);
  }

  /**
   * A lane handed out.
   *
   * @param fresh whether its process was started for it
   */
  record Lane(SharedProcess process, Link link, boolean fresh) {}

  private synchronized void forget(String key, SharedProcess process) {
    running.remove(key, process);
  }

  /** Starts a shared worker (not waiting for it to be ready). */
  @FunctionalInterface
  interface Starter {
    SharedProcess start(WorkerSpec spec, String id) throws InstanceFailure;
  }
}
