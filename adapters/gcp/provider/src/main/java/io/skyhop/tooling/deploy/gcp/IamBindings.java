package io.skyhop.tooling.deploy.gcp;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of an IAM policy read from Google (read-modify-write: the result keeps the etag it was read
 * with and every other binding, so a concurrent change makes the write fail instead of being lost).
 * Conditional bindings are never changed.
 */
final class IamBindings {
  private IamBindings() {}

  /** Whether the policy grants {@code role} to {@code member} without a condition. */
  static boolean holds(Policy policy, String role, String member) {
    return policy.getBindingsList().stream()
        .anyMatch(
            b ->
                b.getRole().equals(role)
                    && !b.hasCondition()
                    && b.getMembersList().contains(member));
  }

  /** The policy with {@code member} added to the unconditional binding of {@code role}. */
  static Policy grant(Policy policy, String role, String member) {
    List<Binding> bindings = new ArrayList<>();
    boolean added = false;
    for (Binding b : policy.getBindingsList()) {
      if (!added && b.getRole().equals(role) && !b.hasCondition()) {
        bindings.add(b.toBuilder().addMembers(member).build());
        added = true;
      } else {
        bindings.add(b);
      }
    }
    if (!added) {
      bindings.add(Binding.newBuilder().setRole(role).addMembers(member).build());
    }
    return policy.toBuilder().clearBindings().addAllBindings(bindings).build();
  }

  /** The policy without {@code member} in the unconditional bindings of {@code role}. */
  static Policy revoke(Policy policy, String role, String member) {
    List<Binding> bindings = new ArrayList<>();
    for (Binding b : policy.getBindingsList()) {
      if (b.getRole().equals(role) && !b.hasCondition() && b.getMembersList().contains(member)) {
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
