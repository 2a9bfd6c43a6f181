package io.skyhop.tooling.pack.azure;

import io.skyhop.tooling.pack.TargetEntry;
import java.util.Map;

/**
 * A function's {@code azure} entry in {@code manifest.json}.
 *
 * @param entryPoint the adapter method {@code function.json} names
 * @param scriptFile the app jar, relative to the function's folder
 * @param functionName the function's name in the Function App
 * @param runtime the Java version, e.g. {@code java17}
 * @param env the environment the adapter needs
 */
public record AzureEntry(
    String entryPoint,
    String scriptFile,
    String functionName,
    String runtime,
    Map<String, String> env)
    implements TargetEntry {}
