package io.skyhop.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function keys created in the data directory, or read from a mounted directory (a Secret). */
public class FunctionKeysTest {
  @TempDir Path tmp;

  @Test
  void keysAreCreatedOnceAndKeptInTheDataDirectory() throws IOException {
    FunctionKeys keys = new FunctionKeys(Optional.empty());

    Map<String, String> first = keys.ensure(tmp, functions());
    Map<String, String> again = keys.ensure(tmp, functions());

    assertThat(first).containsOnlyKeys("admin");
    assertThat(first.get("admin")).matches("[A-Za-z0-9_-]{32}");
    assertThat(again).isEqualTo(first);
    assertThat(tmp.resolve(FunctionKeys.FILE)).isRegularFile();
  }

  @Test
  void aMountedDirectoryGivesTheKeysAndNothingIsWritten() throws IOException {
    Path secret = Files.createDirectories(tmp.resolve("secret"));
    Files.writeString(secret.resolve("admin"), "k3y-from-the-secret\n");
    Path appDir = Files.createDirectories(tmp.resolve("app"));

    Map<String, String> keys = new FunctionKeys(Optional.of(secret)).ensure(appDir, functions());

    assertThat(keys).isEqualTo(Map.of("admin", "k3y-from-the-secret"));
    assertThat(appDir.resolve(FunctionKeys.FILE)).doesNotExist();
  }

  @Test
  void aMissingOrEmptyKeyFileIsRefusedNamingTheFile() throws IOException {
    Path secret = Files.createDirectories(tmp.resolve("secret"));
    FunctionKeys keys = new FunctionKeys(Optional.of(secret));

    assertThatThrownBy(() -> keys.ensure(tmp, functions()))
        .isInstanceOf(MissingKeyException.class)
        .hasMessage(
            "Function 'admin' needs a key (@HttpTrigger auth FUNCTION), but "
                + secret.resolve("admin")
                + " does not exist, and the runtime never serves it without one. Fix: put its key"
                + " in that file (--function-keys "
                + secret
                + ")");
    Files.writeString(secret.resolve("admin"), " \n");
    assertThatThrownBy(() -> keys.ensure(tmp, functions()))
        .hasMessageContaining(secret.resolve("admin") + " is empty");
  }

  static List<FunctionDef> functions() {
    return FunctionIndex.parse(
            new StringReader(
                "{\"version\": 1, \"functions\": ["
                    + http("admin", "FUNCTION")
                    + ","
                    + http("open", "ANONYMOUS")
                    + "]}"))
        .functions();
  }

  public static String http(String name, String auth) {
    return "{\"name\": \""
        + name
        + "\", \"class\": \"com.example.Shop\", \"method\": \"get\","
        + " \"parameterTypes\": [\"io.skyhop.api.HttpRequest\"], \"payloadIndex\": 0,"
        + " \"payloadKind\": \"HTTP_REQUEST\", \"contextIndex\": -1, \"returnKind\": \"JSON\","
        + " \"memoryMb\": 256, \"timeoutSeconds\": 10, \"maxConcurrency\": 0, \"env\": {},"
        + " \"trigger\": {\"type\": \"http\", \"path\": \"/"
        + name
        + "\", \"methods\": [\"GET\"], \"auth\": \""
        + auth
        + "\", \"pathParams\": []}}";
  }
}
