package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.runtime.JavaRuntime;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deploy trusts the region's functionAppStacks answer over the runtime table. */
class JavaStacksTest {
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener = BuildListener.collecting(messages);

  private static List<JavaRuntime> offered() throws Exception {
    try (Reader in =
        new InputStreamReader(
            JavaStacksTest.class.getResourceAsStream("/deploy/azure/function-app-stacks.json"),
            StandardCharsets.UTF_8)) {
      List<JsonObject> stacks =
          JsonParser.parseReader(in).getAsJsonObject().getAsJsonArray("value").asList().stream()
              .map(JsonElement::getAsJsonObject)
              .toList();
      return JavaStacks.java(stacks, "westeurope");
    }
  }

  @Test
  void theLinuxJavaVersionsWithTheirEndOfLife() throws Exception {
    assertThat(offered())
        .extracting(r -> r.id() + " " + r.deprecated().orElseThrow())
        .containsExactly("17 2029-09-30", "21 2031-09-30");
  }

  @Test
  void release25IsRefusedWithWhatTheRegionLists() {
    assertThatThrownBy(
            () ->
                JavaRuntimes.builtIn()
                    .checkOffered(
                        Target.named("azure"), 25, offered(), LocalDate.of(2026, 12, 7), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '25' has no Azure Functions (Flex Consumption) Java runtime:"
                + " it offers 17 (17), 21 (21) (functionAppStacks of westeurope). Fix: set"
                + " maven.compiler.release to one of those, or leave azure out of skyhop.targets");
  }

  @Test
  void nearTheEndOfLifeDateItWarnsWithTheDate() throws Exception {
    JavaRuntimes.builtIn()
        .checkOffered(Target.named("azure"), 17, offered(), LocalDate.of(2029, 6, 1), listener);

    assertThat(messages)
        .containsExactly(
            "WARNING azure: Azure Functions (Flex Consumption) deprecates 17 on 2029-09-30"
                + " (deprecated 2029-09-30, functionAppStacks of westeurope). Fix: set"
                + " maven.compiler.release to 21 (21)");
  }
}
