package io.skyhop.it.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.settings.ProviderSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md lists every provider's settings as the providers declare them through the SPI
 * ({@link TargetProvider#settings()}): the table between its markers is this test's {@link #table}
 * of the built-in providers, in the registration list's order. A failure prints the table to paste.
 */
class ProviderSettingsDocTest {
  private static final Path DOC = Path.of("..", "docs", "settings.md");
  private static final String BEGIN =
      "<!-- provider settings: generated, ProviderSettingsDocTest -->\n";
  private static final String END = "<!-- end of provider settings -->";

  @Test
  void docsListEveryDeclaredSetting() throws IOException {
    String doc = Files.readString(DOC);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("docs/settings.md holds the markers").isNotNegative();
    assertThat(doc.substring(from + BEGIN.length(), to)).isEqualTo(table());
  }

  private static String table() {
    List<TargetProvider> loaded = TargetProviders.loaded();
    StringBuilder out = new StringBuilder();
    for (String id : TargetProviders.builtIn().keySet()) {
      TargetProvider p =
          loaded.stream().filter(l -> l.target().id().equals(id)).findFirst().orElseThrow();
      out.append("\n### ").append(id).append("\n\n");
      out.append("| setting | default | read by | what it sets |\n|---|---|---|---|\n");
      for (ProviderSetting s : p.settings()) {
        out.append("| `")
            .append(s.name())
            .append("` | ")
            .append(s.defaultValue().map(d -> "`" + d + "`").orElse("—"))
            .append(" | ")
            .append(s.packaging() ? "package, deploy goals" : "deploy goals")
            .append(" | ")
            .append(s.description())
            .append(" |\n");
      }
    }
    return out.append("\n").toString();
  }
}
