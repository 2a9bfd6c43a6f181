package io.skyhop.runtime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
  private static final String VALUE = "pa55-word-that-must-not-leak";

  @TempDir Path data;

  @Test
  void storesEncryptedFilesOnlyTheRuntimeUserCanRead() throws Exception {
    SecretStore store = new SecretStore(data.resolve("secrets"));

    store.put("orders", "db-password", VALUE.getBytes(StandardCharsets.UTF_8));

    assertThat(store.names("orders")).containsExactly("db-password");
    assertThat(
            new String(
                store.values("orders", List.of("db-password", "api-key")).get("db-password"),
                StandardCharsets.UTF_8))
        .isEqualTo(VALUE);
    assertThat(store.values("orders", List.of("api-key"))).isEmpty();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(VALUE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .as(f.toString())
            .isEqualTo("rw-------");
      }
    }
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets"))))
        .isEqualTo("rwx------");
  }

  @Test
  void aFileMovedToAnotherNameDoesNotDecrypt() throws Exception {
    SecretStore store = new SecretStore(data.resolve("secrets"));
    store.put("orders", "db-password", VALUE.getBytes(StandardCharsets.UTF_8));
    Files.copy(
        data.resolve("secrets/orders/db-password.enc"), data.resolve("secrets/orders/api-key.enc"));

    assertThatThrownBy(() -> store.values("orders", List.of("api-key")))
        .hasMessage(
            "Secret 'orders/api-key' cannot be decrypted with the store key (the key or the file was"
                + " replaced): set it again");
  }

  @Test
  void grantsOnlyTheDeclaredNames() throws Exception {
    SecretStore store = new SecretStore(data.resolve("secrets"));
    store.put("orders", "db-password", "a".getBytes(StandardCharsets.UTF_8));
    store.put("orders", "api-key", "b".getBytes(StandardCharsets.UTF_8));
    store.put("billing", "db-password", "c".getBytes(StandardCharsets.UTF_8));

    assertThat(store.grant("orders", List.of("api-key")).values()).containsOnlyKeys("api-key");
    assertThat(store.grant("orders", List.of()).values()).isEmpty();
    assertThat(
            new String(store.grant("billing", List.of("db-password")).values().get("db-password")))
        .isEqualTo("c");
  }

  @Test
  void refusesBadNamesAndValuesNamingTheRule() {
    SecretStore store = new SecretStore(data.resolve("secrets"));

    assertThatThrownBy(() -> store.put("orders", "../key", new byte[] {1}))
        .isInstanceOf(BadSecretException.class)
        .hasMessage(
            "Secret name '../key' is not valid: it must match ^[a-z][a-z0-9-]{0,62}$, as in"
                + " @Function(secrets = ...)");
    assertThatThrownBy(() -> store.put("Orders", "db-password", new byte[] {1}))
        .hasMessage("App name 'Orders' is not valid: it must match ^[a-z][a-z0-9-]{0,62}$");
    assertThatThrownBy(() -> store.put("orders", "db-password", new byte[0]))
        .hasMessage(
            "The value of secret 'db-password' has 0 bytes; a value has 1 to 65536 bytes. Fix:"
                + " send the value as the request body");
  }

  @Test
  void aMountedSecretVolumeIsReadFirstAndNeverCopied() throws Exception {
    SecretStore store = new SecretStore(data.resolve("secrets"));
    store.put("orders", "db-password", "stored".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(data.resolve("secrets-volume"));
    Files.writeString(data.resolve("secrets-volume/db-password"), "from-the-kubernetes-secret");

    assertThat(
            new String(
                store.grant("orders", List.of("db-password")).values().get("db-password"),
                StandardCharsets.UTF_8))
        .isEqualTo("from-the-kubernetes-secret");
    assertThat(store.grant("orders", List.of("api-key")).values()).isEmpty();
    assertThat(store.names("orders")).containsExactly("db-password");
  }
}
