package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Azure's error shapes, and which 409s clear by waiting. */
class AzureErrorTest {
  static AzureError of(int status, String body) {
    return AzureError.of(new AzureHttp.Response(status, body, null, null));
  }

  @Test
  void readsArmsEnvelope() {
    AzureError e =
        of(
            404,
            "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group"
                + " 'orders-rg' could not be found.\"}}");

    assertThat(e)
        .isEqualTo(
            new AzureError(
                404, "ResourceGroupNotFound", "Resource group 'orders-rg' could not be found."));
    assertThat(e.describe())
        .isEqualTo("HTTP 404 ResourceGroupNotFound: Resource group 'orders-rg' could not be found");
  }

  @Test
  void readsAppServicesTopLevelCodeAndMessage() {
    AzureError e =
        of(
            409,
            "{\"Code\":\"Conflict\",\"Message\":\"Cannot modify this site because another operation"
                + " is in progress. Details: Id: 1f6c\",\"Target\":null,\"Details\":[],"
                + "\"Innererror\":null}");

    assertThat(e.code()).isEqualTo("Conflict");
    assertThat(e.message())
        .isEqualTo(
            "Cannot modify this site because another operation is in progress. Details: Id: 1f6c");
    assertThat(e.inProgress()).isTrue();
  }

  @Test
  void readsKudusPlainTextAndJsonMessages() {
    String busy =
        "There is a deployment currently in progress. Please try again when it completes.";
    assertThat(of(409, busy)).isEqualTo(new AzureError(409, "", busy));
    assertThat(of(409, busy).inProgress()).isTrue();
    assertThat(of(409, "{\"Message\":\"" + busy + "\"}")).isEqualTo(new AzureError(409, "", busy));
    assertThat(of(500, "")).isEqualTo(new AzureError(500, "", ""));
    assertThat(of(500, "").describe()).isEqualTo("HTTP 500");
  }

  @Test
  void onlyConflictsWithAnOperationInProgressClearByWaiting() {
    assertThat(
            of(
                    409,
                    "{\"error\":{\"code\":\"StorageAccountOperationInProgress\",\"message\":\"An"
                        + " operation is currently performing on this storage account.\"}}")
                .inProgress())
        .isTrue();
    assertThat(
            of(409, "{\"error\":{\"code\":\"AnotherOperationInProgress\",\"message\":\"x\"}}")
                .inProgress())
        .isTrue();
    assertThat(
            of(
                    409,
                    "Run-From-Zip is set to a remote URL using WEBSITE_RUN_FROM_PACKAGE or"
                        + " WEBSITE_USE_ZIP app setting. Deployment is not supported in this"
                        + " configuration.")
                .inProgress())
        .isFalse();
    assertThat(
            of(
                    409,
                    "{\"Code\":\"Conflict\",\"Message\":\"Website with given name orders already"
                        + " exists.\"}")
                .fix())
        .isEqualTo(
            "function app names are global; set skyhop.azure.functionApp to an unused name, then"
                + " re-run");
    assertThat(
            of(500, "{\"error\":{\"code\":\"InProgress\",\"message\":\"in progress\"}}")
                .inProgress())
        .as("only a 409")
        .isFalse();
  }
}
