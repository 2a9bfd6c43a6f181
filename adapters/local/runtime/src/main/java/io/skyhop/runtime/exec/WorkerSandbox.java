package io.skyhop.runtime.exec;

import java.util.Map;

/**
 * Where and as whom workers run: their users ({@link WorkerUsers}), their files outside the data
 * directory ({@link WorkerFiles}), and the runtime's environment, read once at start, of which
 * {@link WorkerEnvironment} passes only a few variables on.
 *
 * @param users the users workers run as
 * @param files the work directory
 * @param runtimeEnv the runtime's environment
 */
public record WorkerSandbox(WorkerUsers users, WorkerFiles files, Map<String, String> runtimeEnv) {
  /** The sandbox, with an immutable copy of the environment. */
  public WorkerSandbox {
    runtimeEnv = Map.copyOf(runtimeEnv);
  }
}
