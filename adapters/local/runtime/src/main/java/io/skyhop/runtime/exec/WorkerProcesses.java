package io.skyhop.runtime.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small operations on worker processes and their output. */
final class WorkerProcesses {
  private WorkerProcesses() {}

  /**
   * Kills a worker and every process it started (SIGKILL), children first so none is reparented and
   * missed.
   */
  static void killTree(Process process) {
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) {
      // the process table changed under us: kill what we can
    }
    process.destroyForcibly();
  }

  /** At most the first {@code max} bytes of a file, as text (a worker wrote it: never trusted). */
  static String head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(max), StandardCharsets.UTF_8).strip();
    }
  }
}
