package io.skyhop.runtime.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start instances of one function of one deployed app version.
 *
 * @param app the app
 * @param version the deployed version id
 * @param function the function name
 * @param memoryMb the memory size: heap is three quarters of it, and the whole process is killed
 *     above it
 * @param timeoutSeconds the invocation timeout
 * @param env the function's fixed environment
 * @param classPath the bundle's jars (classes first, then {@code lib/}), as copied to the work
 *     directory ({@link WorkerFiles})
 * @param cdsArchive the app's class-data sharing archive in the work directory; used when the file
 *     exists
 * @param uid the user and group id its workers run as, or {@link WorkerUsers#RUNTIME_USER}
 * @param secrets the values of the function's declared secrets, sent to each worker at start
 */
public record WorkerSpec(
    String app,
    String version,
    String function,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> env,
    List<Path> classPath,
    Path cdsArchive,
    int uid,
    WorkerSecrets secrets) {

  /** {@code app/function}, as logs name the function. */
  public String qualifiedName() {
    return app + "/" + function;
  }
}
