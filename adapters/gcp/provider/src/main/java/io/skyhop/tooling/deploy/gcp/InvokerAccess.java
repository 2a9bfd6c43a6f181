package io.skyhop.tooling.deploy.gcp;

import com.google.iam.v1.Policy;

/**
 * Who may invoke a function: a 2nd gen function is a Cloud Run service, and invoking it needs
 * {@code roles/run.invoker} on that service ({@code allUsers} for a public function, the
 * scheduler's service account for a schedule). Read-modify-write of the service's IAM policy,
 * keeping its etag and every other binding; nothing is written when the policy already says what is
 * wanted.
 */
final class InvokerAccess {
  /** The role that lets a principal invoke a Cloud Run service. */
  static final String ROLE = "roles/run.invoker";

  /** Everyone, signed in or not. */
  static final String ALL_USERS = "allUsers";

  private final GcpApi api;

  InvokerAccess(GcpApi api) {
    this.api = api;
  }

  /**
   * Makes {@code member} hold (or not hold) the invoker role on the service.
   *
   * @param service the Cloud Run service, {@code projects/…/locations/…/services/…}
   * @return whether the policy was changed
   */
  boolean ensure(String service, String member, boolean granted) {
    for (int attempt = 1; ; attempt++) {
      Policy policy = api.getServicePolicy(service);
      if (holds(policy, member) == granted) {
        return false;
      }
      Policy wanted = granted ? grant(policy, member) : revoke(policy, member);
      try {
        api.setServicePolicy(service, wanted);
        return true;
      } catch (GcpApiException e) {
        boolean changedMeanwhile =
            e.error().map(err -> err.httpStatus() == 409).orElse(false)
                && attempt < GcpPolicies.CONFLICT_ATTEMPTS;
        if (!changedMeanwhile) {
          throw refused(e, member);
        }
      }
    }
  }

  /** The failure of a write, explained when an organization policy forbids public functions. */
  private static GcpApiException refused(GcpApiException e, String member) {
    boolean refused =
        member.equals(ALL_USERS)
            && e.error()
                .map(err -> err.httpStatus() == 400 || err.httpStatus() == 412)
                .orElse(false);
    if (refused) {
      return new GcpApiException(
          e.call(),
          e.error().orElseThrow(),
          e.error().orElseThrow()
              + " — an organization policy (iam.allowedPolicyMemberDomains) may forbid public"
              + " functions; use @HttpTrigger(auth = Auth.FUNCTION) or ask an administrator",
          e);
    }
    return e;
  }

  /** Whether the policy grants the invoker role to the member. */
  static boolean holds(Policy policy, String member) {
    return IamBindings.holds(policy, ROLE, member);
  }

  static Policy grant(Policy policy, String member) {
    return IamBindings.grant(policy, ROLE, member);
  }

  static Policy revoke(Policy policy, String member) {
    return IamBindings.revoke(policy, ROLE, member);
  }
}
