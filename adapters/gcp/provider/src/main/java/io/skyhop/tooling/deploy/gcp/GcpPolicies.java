package io.skyhop.tooling.deploy.gcp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.iam.v1.Policy;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.skyhop.tooling.BuildListener;
import java.util.function.UnaryOperator;

/**
 * Resource-level IAM grants through Google's JSON APIs: the project (Cloud Resource Manager v1
 * {@code projects.getIamPolicy}/{@code setIamPolicy}), Pub/Sub topics and subscriptions ({@code
 * :getIamPolicy}/{@code :setIamPolicy}) and Cloud Storage buckets ({@code b/<bucket>/iam}). Every
 * change is a read-modify-write carrying the etag it read ({@link IamBindings}); when Google
 * refuses the write because the policy changed meanwhile (409 {@code ABORTED}, or 412 on Cloud
 * Storage), the policy is read and the change applied again, up to {@value #CONFLICT_ATTEMPTS}
 * times. A policy that already holds the grant is not written.
 */
final class GcpPolicies {
  /** Writes tried when the policy keeps changing under us. */
  static final int CONFLICT_ATTEMPTS = 5;

  /**
   * Where a resource's policy is read and written.
   *
   * @param name the resource, for messages
   * @param read GET (Pub/Sub, Storage) or POST (Resource Manager) and its URL
   * @param write POST or PUT and its URL
   * @param wrapped whether the write's body is {@code {"policy": …}} (not on Cloud Storage)
   */
  record Resource(
      String name,
      String readMethod,
      String read,
      String writeMethod,
      String write,
      boolean wrapped) {}

  private final GcpHttp http;
  private final BuildListener listener;

  GcpPolicies(GcpHttp http, BuildListener listener) {
    this.http = http;
    this.listener = listener;
  }

  /** The project's policy (conditional bindings kept: policy version 3 is read and written). */
  Resource project(String project) {
    String url = http.resourceManager("projects/" + project);
    return new Resource(
        "project " + project, "POST", url + ":getIamPolicy", "POST", url + ":setIamPolicy", true);
  }

  /** A Pub/Sub topic's or subscription's policy ({@code projects/<p>/topics/<t>}). */
  Resource pubsub(String path) {
    String url = http.pubsub(path);
    return new Resource(path, "GET", url + ":getIamPolicy", "POST", url + ":setIamPolicy", true);
  }

  /** A Cloud Storage bucket's policy. */
  Resource bucket(String bucket) {
    String url = http.storage("b/" + bucket + "/iam");
    return new Resource("bucket " + bucket, "GET", url, "PUT", url, false);
  }

  /**
   * Grants {@code role} to {@code member} on the resource unless it already holds it.
   *
   * @return whether the policy was (or, in a dry run, would be) written
   */
  boolean grant(Resource resource, String role, String member, boolean dryRun) {
    boolean changed =
        edit(
            resource,
            p -> IamBindings.holds(p, role, member) ? p : IamBindings.grant(p, role, member),
            dryRun,
            true);
    listener.info(
        (changed ? (dryRun ? "plan: grant " : "granted ") : "unchanged grant ")
            + role
            + " on "
            + resource.name()
            + " to "
            + member);
    return changed;
  }

  /**
   * Removes {@code member} from the unconditional bindings of {@code role} on the resource.
   *
   * @return whether the policy was (or, in a dry run, would be) written
   */
  boolean revoke(Resource resource, String role, String member, boolean dryRun) {
    boolean changed = edit(resource, p -> IamBindings.revoke(p, role, member), dryRun, false);
    if (changed) {
      listener.info(
          (dryRun ? "plan: revoke " : "revoked ")
              + role
              + " on "
              + resource.name()
              + " from "
              + member);
    }
    return changed;
  }

  /** Whether the resource's policy grants {@code role} to {@code member}; false when it is gone. */
  boolean holds(Resource resource, String role, String member) {
    return read(resource).map(p -> IamBindings.holds(p, role, member)).orElse(false);
  }

  /**
   * Applies {@code change}; a resource that does not exist yet (a dry run before it is created) is
   * planned as {@code granting}.
   */
  private boolean edit(
      Resource resource, UnaryOperator<Policy> change, boolean dryRun, boolean granting) {
    for (int attempt = 1; ; attempt++) {
      java.util.Optional<Policy> read = read(resource);
      if (read.isEmpty()) {
        return dryRun && granting;
      }
      Policy policy = read.get();
      Policy changed = change.apply(policy);
      if (changed.equals(policy)) {
        return false;
      }
      if (dryRun) {
        return true;
      }
      try {
        write(resource, changed);
        return true;
      } catch (GcpHttp.Failure e) {
        boolean conflict = e.status() == 409 || e.status() == 412;
        if (!conflict || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
        listener.info(
            "SetIamPolicy "
                + resource.name()
                + ": the policy changed since it was read ("
                + e.status()
                + "); reading it again");
      }
    }
  }

  private java.util.Optional<Policy> read(Resource resource) {
    JsonObject body = null;
    if (resource.readMethod().equals("POST")) {
      body =
          JsonParser.parseString("{\"options\":{\"requestedPolicyVersion\":3}}").getAsJsonObject();
    }
    return http.send(resource.readMethod(), resource.read(), body).map(GcpPolicies::policy);
  }

  private void write(Resource resource, Policy policy) {
    JsonObject json =
        json(policy.getVersion() >= 1 ? policy : policy.toBuilder().setVersion(1).build());
    JsonObject body = json;
    if (resource.wrapped()) {
      body = new JsonObject();
      body.add("policy", json);
    }
    http.send(resource.writeMethod(), resource.write(), body);
  }

  static Policy policy(JsonObject json) {
    try {
      Policy.Builder b = Policy.newBuilder();
      JsonFormat.parser().ignoringUnknownFields().merge(json.toString(), b);
      return b.build();
    } catch (InvalidProtocolBufferException e) {
      throw new GcpHttp.Failure("IAM policy", 0, "unreadable policy: " + e.getMessage());
    }
  }

  static JsonObject json(Policy policy) {
    try {
      return JsonParser.parseString(JsonFormat.printer().print(policy)).getAsJsonObject();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
