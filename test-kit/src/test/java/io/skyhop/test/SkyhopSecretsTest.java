package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
