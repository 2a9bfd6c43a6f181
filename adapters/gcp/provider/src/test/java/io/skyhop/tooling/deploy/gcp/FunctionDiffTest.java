package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.v2.EventTrigger;
import com.google.cloud.functions.v2.Function;
import org.junit.jupiter.api.Test;

class FunctionDiffTest {
  static Function desired(String name) throws Exception {
    return FunctionSpecTest.spec(name).function().toBuilder()
        .putLabels(FunctionSpec.LABEL_CODE, "abc")
        .build();
  }

  /** What the API answers for a function deployed as desired: output fields and its own env. */
  static Function deployed(Function desired) {
    Function.Builder b = desired.toBuilder().setState(Function.State.ACTIVE).setUrl("https://x");
    b.getServiceConfigBuilder()
        .putEnvironmentVariables("LOG_EXECUTION_ID", "true")
        .setUri("https://orders-get-abc-ew.a.run.app");
    if (desired.getServiceConfig().getMaxInstanceCount() == 0) {
      b.getServiceConfigBuilder().setMaxInstanceCount(100);
    }
    if (b.getEventTrigger().getRetryPolicy() == EventTrigger.RetryPolicy.RETRY_POLICY_UNSPECIFIED
        && b.hasEventTrigger()) {
      b.getEventTriggerBuilder().setRetryPolicy(EventTrigger.RetryPolicy.RETRY_POLICY_DO_NOT_RETRY);
    }
    return b.build();
  }

  @Test
  void aDeployedFunctionAsDesiredIsUnchanged() throws Exception {
    for (String name : new String[] {"get", "nightly", "on-order", "on-upload"}) {
      assertThat(FunctionDiff.between(desired(name), deployed(desired(name)))).as(name).isEmpty();
    }
  }

  @Test
  void newCodeChangesSourceAndLabelsOnly() throws Exception {
    Function actual = deployed(desired("get"));
    Function newCode = desired("get").toBuilder().putLabels(FunctionSpec.LABEL_CODE, "def").build();
    assertThat(FunctionDiff.between(newCode, actual))
        .containsExactly("build_config.source", "labels");
  }

  @Test
  void configurationChangesNameTheirFields() throws Exception {
    Function actual = deployed(desired("create-order"));
    Function.Builder b = desired("create-order").toBuilder();
    b.getServiceConfigBuilder()
        .setAvailableMemory("1024M")
        .setTimeoutSeconds(60)
        .putEnvironmentVariables("GREETING", "hello");
    b.getBuildConfigBuilder().setRuntime("java21");
    assertThat(FunctionDiff.between(b.build(), actual))
        .containsExactly(
            "build_config.runtime",
            "service_config.available_memory",
            "service_config.timeout_seconds",
            "service_config.environment_variables");
  }

  @Test
  void aFunctionRunningAsTheDefaultComputeAccountMovesToTheAppsAccountWithItsTrigger()
      throws Exception {
    String app = "orders-skyhop@demo.iam.gserviceaccount.com";
    Function.Builder old = deployed(desired("on-order")).toBuilder();
    old.getServiceConfigBuilder()
        .setServiceAccountEmail("123-compute@developer.gserviceaccount.com");
    old.getEventTriggerBuilder()
        .setServiceAccountEmail("123-compute@developer.gserviceaccount.com");
    FunctionSpec spec = FunctionSpecTest.spec("on-order").withServiceAccount(app);
    Function wanted = spec.function().toBuilder().putLabels(FunctionSpec.LABEL_CODE, "abc").build();

    assertThat(wanted.getServiceConfig().getServiceAccountEmail()).isEqualTo(app);
    assertThat(wanted.getEventTrigger().getServiceAccountEmail()).isEqualTo(app);
    assertThat(FunctionDiff.between(wanted, old.build()))
        .containsExactly("service_config.service_account_email", "event_trigger");
    assertThat(FunctionDiff.between(wanted, deployed(wanted))).isEmpty();
  }

  @Test
  void memoryUnitsCompareByValue() {
    assertThat(FunctionDiff.bytes("512M")).isEqualByComparingTo("512000000");
    assertThat(FunctionDiff.bytes("512Mi")).isEqualByComparingTo("536870912");
    assertThat(FunctionDiff.bytes("1G")).isEqualByComparingTo(FunctionDiff.bytes("1000M"));
    assertThat(FunctionDiff.bytes("")).isEqualByComparingTo("-1");
  }

  @Test
  void aLostTriggerIsAChange() throws Exception {
    Function actual = deployed(desired("on-order")).toBuilder().clearEventTrigger().build();
    assertThat(FunctionDiff.between(desired("on-order"), actual)).containsExactly("event_trigger");
  }
}
