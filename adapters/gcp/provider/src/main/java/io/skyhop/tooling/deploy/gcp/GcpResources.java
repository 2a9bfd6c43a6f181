package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.util.regex.Pattern;

/**
 * The Pub/Sub topics and Cloud Storage buckets the app's triggers use on Google Cloud. A logical
 * name bound with {@code skyhop.resources.<logical>} (a topic path {@code
 * projects/<project>/topics/<topic>}, a bucket name) is used as is and never created, changed or
 * deleted; otherwise the naming module's physical name ({@link
 * io.skyhop.tooling.naming.gcp.GcpNames}), which deploy creates ({@link GcpAppResources}).
 */
final class GcpResources {
  private static final Pattern TOPIC =
      Pattern.compile(
          "projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/topics/[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]");

  private final GcpSettings gcp;
  private final io.skyhop.tooling.naming.Naming naming;
  private final ResourceBindings bindings;

  GcpResources(GcpSettings gcp, io.skyhop.tooling.naming.Naming naming, ResourceBindings bindings) {
    this.gcp = gcp;
    this.naming = naming;
    this.bindings = bindings;
  }

  /** The topic of a logical queue: the bound path, or the app's and stage's topic. */
  String topic(String logical) {
    return bindings
        .get(logical)
        .map(
            v ->
                ResourceBindings.check(
                    logical, v, TOPIC, "a Pub/Sub topic", "projects/<project>/topics/<topic>"))
        .orElse("projects/" + gcp.project() + "/topics/" + GcpNames.of(naming).topic(logical));
  }

  /**
   * The bucket of a logical bucket: the bound name ({@code gs://} optional), or the app's and
   * stage's globally unique bucket.
   */
  String bucket(String logical) {
    return bindings
        .get(logical)
        .map(v -> v.startsWith("gs://") ? v.substring("gs://".length()) : v)
        .map(
            v ->
                ResourceBindings.check(
                    logical, v, BUCKET, "a Cloud Storage bucket name", "gs://<bucket>"))
        .orElse(GcpNames.of(naming).bucket(gcp.project(), logical));
  }
}
