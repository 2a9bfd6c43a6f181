package io.skyhop.tooling.pack.gcp;

import io.skyhop.tooling.pack.TargetEntry;
import java.util.Map;

/**
 * A function's {@code gcp} entry in {@code manifest.json}.
 *
 * @param entryPoint the adapter class
 * @param runtime the Cloud Functions runtime, e.g. {@code java17}
 * @param env the environment the adapter needs
 * @param signatureType {@code http} or {@code cloudevent}
 */
public record GcpEntry(
    String entryPoint, String runtime, Map<String, String> env, String signatureType)
    implements TargetEntry {}
