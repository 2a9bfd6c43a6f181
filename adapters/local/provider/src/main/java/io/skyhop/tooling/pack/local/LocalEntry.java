package io.skyhop.tooling.pack.local;

import com.google.gson.annotations.SerializedName;
import io.skyhop.tooling.pack.TargetEntry;
import java.util.Map;

/**
 * A function's {@code local} entry in {@code manifest.json}.
 *
 * @param entryPoint the worker's main class
 * @param runtime {@code skyhop-runtime}
 * @param packagePath the app bundle under {@code target/skyhop/} ({@code package})
 * @param path an HTTP function's route on the runtime, {@code /<app><path>}; null otherwise
 * @param env the environment the adapter needs
 */
public record LocalEntry(
    String entryPoint,
    String runtime,
    @SerializedName("package") String packagePath,
    String path,
    Map<String, String> env)
    implements TargetEntry {}
