package io.skyhop.tooling.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretValueTest {
  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void standardInputLosesOneTrailingLineBreakAndNeverShowsInToString() throws Exception {
    SecretValue value =
        SecretValue.read("db-password", Optional.empty(), Map.of(), stdin("hunter2\r\n"));

    assertThat(new String(value.bytes(), StandardCharsets.UTF_8)).isEqualTo("hunter2");
    assertThat(value).hasToString("SecretValue[7 bytes]");
    assertThat(
            new String(
                SecretValue.read("x", Optional.empty(), Map.of(), stdin("two\nlines\n")).bytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("two\nlines");
  }

  @Test
  void anEnvironmentVariableWinsOverStandardInput() throws Exception {
    SecretValue value =
        SecretValue.read(
            "db-password", Optional.of("DB_PASSWORD"), Map.of("DB_PASSWORD", "s3cr3t"), stdin("x"));

    assertThat(new String(value.bytes(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
  }

  @Test
  void noValueFailsNamingTheSettingAndTheFix() {
    assertThatThrownBy(() -> SecretValue.read("db-password", Optional.empty(), Map.of(), stdin("")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.secret = 'db-password' got no value on standard input. Fix: pipe it in, e.g."
                + " 'printf %s \"$DB_PASSWORD\" | mvn skyhop:secret -Dskyhop.secret=db-password',"
                + " or name an environment variable with -Dskyhop.secret.fromEnv=VAR");
    assertThatThrownBy(
            () -> SecretValue.read("db-password", Optional.of("NOPE"), Map.of(), stdin("")))
        .hasMessage(
            "skyhop.secret.fromEnv = 'NOPE' names an environment variable that is unset or empty."
                + " Fix: export NOPE with the value of secret 'db-password', or leave"
                + " skyhop.secret.fromEnv unset and pipe the value to standard input");
  }

  @Test
  void aValueOver64KiBIsRefused() {
    assertThatThrownBy(
            () -> SecretValue.read("blob", Optional.empty(), Map.of(), stdin("x".repeat(70_000))))
        .hasMessage(
            "skyhop.secret = 'blob' has a value over 65536 bytes. Fix: store a smaller value (a"
                + " reference)");
  }
}
