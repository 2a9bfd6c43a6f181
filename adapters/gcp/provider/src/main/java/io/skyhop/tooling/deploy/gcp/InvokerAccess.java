package io.skyhop.tooling.deploy.gcp;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import java.util.ArrayList;
import java.util.List;

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
    Policy policy = api.getServicePolicy(service);
    if (holds(policy, member) == granted) {
      return false;
    }
    Policy wanted = granted ? grant(policy, member) : revoke(policy, member);
    try {
      api.setServicePolicy(service, wanted);
    } catch (GcpApiException e) {
      boolean refused =
          member.equals(ALL_USERS)
              && e.error()
                  .map(err -> err.httpStatus() == 400 || err.httpStatus() == 412)
                  .orElse(false);
      if (refused) {
        throw new GcpApiException(
            e.call(),
            e.error().orElseThrow(),
            e.error().orElseThrow()
                + " — an organization policy (iam.allowedPolicyMemberDomains) may forbid public"
                + " functions; use @HttpTrigger(auth = Auth.FUNCTION) or ask an administrator",
            e);
      }
      throw e;
    }
    return true;
  }

  /** Whether the policy grants the invoker role to the member. */
  static boolean holds(Policy policy, String member) {
    return policy.getBindingsList().stream()
        .anyMatch(b -> b.getRole().equals(ROLE) && b.getMembersList().contains(member));
  }

  static Policy grant(Policy policy, String member) {
    List<Binding> bindings = new ArrayList<>();
    boolean added = false;
    for (Binding b : policy.getBindingsList()) {
      if (!added && b.getRole().equals(ROLE) && !b.hasCondition()) {
        bindings.add(b.toBuilder().addMembers(member).build());
        added = true;
      } else {
        bindings.add(b);
      }
    }
    if (!added) {
      bindings.add(Binding.newBuilder().setRole(ROLE).addMembers(member).build());
    }
    return policy.toBuilder().clearBindings().addAllBindings(bindings).build();
  }

  static Policy revoke(Policy policy, String member) {
    List<Binding> bindings = new ArrayList<>();
    for (Binding b : policy.getBindingsList()) {
      if (b.getRole().equals(ROLE) && b.getMembersList().contains(member)) {
        List<String> members = new ArrayList<>(b.getMembersList());
        members.remove(member);
        if (!members.isEmpty()) {
          bindings.add(b.toBuilder().clearMembers().addAllMembers(members).build());
        }
      } else {
        bindings.add(b);
      }
    }
    return policy.toBuilder().clearBindings().addAllBindings(bindings).build();
  }
}
