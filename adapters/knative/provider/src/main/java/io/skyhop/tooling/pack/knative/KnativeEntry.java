package io.skyhop.tooling.pack.knative;

import io.skyhop.tooling.pack.TargetEntry;
import java.util.List;
import java.util.Map;

/**
 * A function's {@code knative} entry in {@code manifest.json}; the fields of other trigger types
 * are null (and absent from the file).
 *
 * @param entryPoint the image's main class
 * @param runtime {@code skyhop-runtime}
 * @param image the image tarball under {@code target/skyhop/}
 * @param service http and queue: the Knative Service
 * @param cronJob schedule: the CronJob
 * @param args schedule: the CronJob's arguments
 * @param trigger queue: the Eventing Trigger
 * @param broker queue: the Broker
 * @param eventType queue: the CloudEvent type
 * @param path http and queue: the route on the Service
 * @param env the environment the adapter needs
 */
public record KnativeEntry(
    String entryPoint,
    String runtime,
    String image,
    String service,
    String cronJob,
    List<String> args,
    String trigger,
    String broker,
    String eventType,
    String path,
    Map<String, String> env)
    implements TargetEntry {}
