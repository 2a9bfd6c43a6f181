package io.skyhop.tooling.naming.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.naming.Naming;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Azure name fits Azure's rules for the longest inputs Skyhop allows (as {@code
 * AwsNamesTest}); the limits are written here from Microsoft's documentation.
 */
class AzureNamesTest {
  private static final String APP = "a-forty-character-application-name-xyz12";
  private static final String STAGE = "stagetwelve1";
  private static final String FUNCTION = "f" + "n".repeat(40) + "x"; // 42, sdk-api's maximum
  private static final String QUEUE = "q" + "-abc".repeat(15) + "qz"; // 63, sdk-api's maximum
  private static final String BUCKET = "b" + "-xyz".repeat(15) + "bz";
  private static final Naming LONG = Naming.of(APP, STAGE);
  private static final Naming LONG_OTHER_STAGE = Naming.of(APP, "stagetwelve2");

  // Microsoft.Web/sites, storage queues and containers (no "--"), Event Grid subscriptions,
  // user-assigned identities
  private static final Pattern FUNCTION_APP = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]");
  private static final Pattern AZURE_QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern EVENT_GRID = Pattern.compile("[A-Za-z0-9-]{3,64}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,127}");

  @Test
  void azureNamesFitSitesStorageEventGridAndIdentities() {
    AzureNames azure = AzureNames.of(LONG);
    assertThat(azure.functionApp()).matches(FUNCTION_APP);
    assertThat(azure.queue(QUEUE)).matches(AZURE_QUEUE).doesNotContain("--");
    assertThat(azure.poisonQueue(QUEUE)).matches(AZURE_QUEUE).doesNotContain("--");
    assertThat(azure.container(BUCKET)).matches(CONTAINER).doesNotContain("--");
    assertThat(azure.eventSubscription(FUNCTION)).matches(EVENT_GRID);
    assertThat(azure.identity()).matches(IDENTITY);
  }

  @Test
  void withAndWithoutAStage() {
    assertThat(AzureNames.of(Naming.of("orders")).functionApp()).isEqualTo("orders");
    AzureNames dev = AzureNames.of(Naming.of("orders", "dev"));
    assertThat(dev.functionApp()).isEqualTo("orders-dev");
    assertThat(dev.container("uploads")).isEqualTo("orders-dev-uploads");
  }

  @Test
  void shortenedNamesOfTwoStagesStayDistinct() {
    distinctPerStage(
        List.of(
            n -> List.of(AzureNames.of(n).functionApp()),
            n -> List.of(AzureNames.of(n).queue(QUEUE))));
  }

  private static void distinctPerStage(
      List<java.util.function.Function<Naming, List<String>>> kinds) {
    for (java.util.function.Function<Naming, List<String>> kind : kinds) {
      Set<String> names = new HashSet<>(kind.apply(LONG));
      names.addAll(kind.apply(LONG_OTHER_STAGE));
      assertThat(names).hasSize(2 * kind.apply(LONG).size());
    }
  }
}
