package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-app mode refuses to serve a keyed function without its key in the mounted Secret. */
class SingleAppKeysTest {
  @TempDir Path tmp;

  @Test
  void withoutTheKeysOptionAKeyedAppDoesNotStart() throws IOException {
    assertThatThrownBy(() -> SingleAppKeys.check(bundle(true), "shop", Optional.empty()))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "function admin of app shop needs a key (@HttpTrigger auth FUNCTION), but no"
                + " --function-keys DIR is given, and single-app mode never serves such a function"
                + " without its key. Fix: mount the Secret shop-function-keys (skyhop:deploy"
                + " -Dskyhop.target=knative creates it) and pass --function-keys <its mount path>,"
                + " as the Service in service.yaml does");
  }

  @Test
  void aMissingKeyNamesTheSecretAndTheFix() throws IOException {
    Path keys = Files.createDirectories(tmp.resolve("keys"));

    assertThatThrownBy(() -> SingleAppKeys.check(bundle(true), "shop", Optional.of(keys)))
        .hasMessage(
            "function admin needs a key (@HttpTrigger auth FUNCTION), but "
                + keys.resolve("admin")
                + " does not exist: the Secret shop-function-keys mounted at "
                + keys
                + " has no key 'admin'. Fix: deploy with skyhop:deploy -Dskyhop.target=knative,"
                + " which creates the Secret and adds missing keys without changing the others");
    Files.writeString(keys.resolve("admin"), "\n");
    assertThatThrownBy(() -> SingleAppKeys.check(bundle(true), "shop", Optional.of(keys)))
        .hasMessageContaining(keys.resolve("admin") + " is empty");
  }

  @Test
  void presentKeysOrNoKeyedFunctionPass() throws IOException {
    Path keys = Files.createDirectories(tmp.resolve("keys"));
    Files.writeString(keys.resolve("admin"), "s3cret");

    assertThatCode(() -> SingleAppKeys.check(bundle(true), "shop", Optional.of(keys)))
        .doesNotThrowAnyException();
    assertThatCode(() -> SingleAppKeys.check(bundle(false), "shop", Optional.empty()))
        .doesNotThrowAnyException();
    assertThat(SingleAppKeys.keyed(bundle(true))).containsExactly("admin");
  }

  private Path bundle(boolean keyed) throws IOException {
    Path zip = tmp.resolve("shop-" + keyed + ".zip");
    String index =
        "{\"version\": 1, \"functions\": ["
            + io.skyhop.runtime.deploy.FunctionKeysTest.http("open", "ANONYMOUS")
            + (keyed
                ? "," + io.skyhop.runtime.deploy.FunctionKeysTest.http("admin", "FUNCTION")
                : "")
            + "]}";
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("META-INF/skyhop/functions.json"));
      out.write(index.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return zip;
  }
}
