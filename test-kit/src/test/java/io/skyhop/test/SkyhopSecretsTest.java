package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets given by the test reach exactly the functions that declare them. */
class SkyhopSecretsTest {
  private final Skyhop skyhop = Skyhop.load();

  @Test
  void aDeclaredSecretGivenByTheTestIsRead() {
    skyhop.withSecret("vault-code", "1234");

    assertThat(skyhop.get("/vault").bodyAsString()).isEqualTo("1234");
  }

  @Test
  void anUndeclaredSecretIsRefusedEvenWhenTheTestGivesIt() {
    skyhop.withSecret("vault-code", "1234").withSecret("db-password", "hunter2");

    assertThat(skyhop.get("/vault?name=db-password").bodyAsString())
        .isEqualTo(
            "IllegalArgumentException: Function 'vault-door' reads secret 'db-password' but does"
                + " not declare it (it declares [vault-code]). Fix: add \"db-password\" to"
                + " @Function(secrets = {...}) on the function, then package and deploy again");
  }

  @Test
  void aDeclaredSecretTheTestDidNotGiveSaysHowToGiveIt() {
    assertThat(skyhop.get("/vault").bodyAsString())
        .isEqualTo(
            "IllegalStateException: Secret 'vault-code' of function 'vault-door' has no value in"
                + " the test (no withSecret(\"vault-code\", ...)). Fix: call"
                + " skyhop.withSecret(\"vault-code\", value) in the test");
  }

  /**
   * Every target view hands the test's value over as that target does: the resolved variable on
   * Azure and GCP, the Parameters and Secrets extension at cold start on AWS, the worker's secrets
   * on the in-house runtime; an undeclared name stays refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"aws", "azure", "gcp", "local", "knative"})
  void eachTargetViewReadsTheGivenSecretByName(String target) {
    skyhop.withSecret("vault-code", "1234").withSecret("db-password", "hunter2");
    TargetView view = skyhop.target(target);

    assertThat(view.get("/vault").bodyAsString()).isEqualTo("1234");
    assertThat(view.get("/vault?name=db-password").bodyAsString())
        .startsWith(
            "IllegalArgumentException: Function 'vault-door' reads secret 'db-password' but does"
                + " not declare it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "gcp", "local"})
  void aTargetViewWithoutTheValueNamesTheTargetsStore(String target) {
    assertThat(skyhop.target(target).get("/vault").bodyAsString())
        .startsWith(
            "IllegalStateException: Secret 'vault-code' of function 'vault-door' has no value");
  }
}
