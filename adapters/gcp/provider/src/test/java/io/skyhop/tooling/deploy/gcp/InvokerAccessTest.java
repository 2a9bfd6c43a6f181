package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class InvokerAccessTest {
  final Policy existing =
      Policy.newBuilder()
          .setEtag(ByteString.copyFromUtf8("BwX1"))
          .addBindings(Binding.newBuilder().setRole("roles/run.admin").addMembers("user:a@b.c"))
          .addBindings(
              Binding.newBuilder().setRole("roles/run.invoker").addMembers("serviceAccount:s@x"))
          .build();

  @Test
  void grantAddsToTheInvokerBindingAndKeepsTheRest() {
    Policy p = InvokerAccess.grant(existing, "allUsers");
    assertThat(p.getEtag()).isEqualTo(existing.getEtag());
    assertThat(p.getBindingsList())
        .containsExactly(
            existing.getBindings(0),
            Binding.newBuilder()
                .setRole("roles/run.invoker")
                .addMembers("serviceAccount:s@x")
                .addMembers("allUsers")
                .build());
    assertThat(InvokerAccess.holds(p, "allUsers")).isTrue();
  }

  @Test
  void grantOnAnEmptyPolicyAddsABinding() {
    Policy p = InvokerAccess.grant(Policy.getDefaultInstance(), "allUsers");
    assertThat(p.getBindingsList())
        .containsExactly(
            Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers").build());
  }

  @Test
  void revokeDropsTheMemberAndEmptyBindings() {
    Policy p = InvokerAccess.revoke(existing, "serviceAccount:s@x");
    assertThat(p.getBindingsList()).containsExactly(existing.getBindings(0));
    assertThat(InvokerAccess.holds(p, "serviceAccount:s@x")).isFalse();
  }
}
