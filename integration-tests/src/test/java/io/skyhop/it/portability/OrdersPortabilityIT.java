package io.skyhop.it.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.it.Repo;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.pack.Portability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portability table of {@code examples/orders} (as packaged earlier in the reactor) on the
 * default targets, with the real providers: what {@code skyhop:package} prints and {@code
 * report.md} repeats, and the {@code -Dskyhop.strict=true} failure. No Maven run: the engine is
 * called as the Mojo calls it.
 */
public class OrdersPortabilityIT {
  static final Path ORDERS = Repo.root().resolve("examples/orders/target");
  static final List<Target> TARGETS =
      List.of(
          Target.named("aws"), Target.named("azure"), Target.named("gcp"), Target.named("local"));

  /** The expected table, a fixture shared with {@code ReportIT}'s {@code report.md}. */
  public static String table() throws IOException {
    return Files.readString(
        Repo.root().resolve("integration-tests/src/test/resources/portability/orders-table.md"));
  }

  @TempDir Path tmp;

  @Test
  void theOrdersTableIsTheSameInPackageAndInReportMd() throws IOException {
    String table =
        Portability.table(
            Portability.findings(ManifestFile.read(ORDERS.resolve("skyhop")), TARGETS));

    assertThat(table).isEqualTo(table());
    assertThat(
            Portability.markdownSection(
                Portability.findings(ManifestFile.read(ORDERS.resolve("skyhop")), TARGETS)))
        .isEqualTo("\n## Portability\n\nSettings a target cannot honour exactly:\n\n" + table());
  }

  @Test
  void strictPrintsTheTableThenFailsNamingTheSettingAndTheFix() throws IOException {
    List<String> lines = new ArrayList<>();
    PackageRequest request =
        new PackageRequest(
            "orders",
            Repo.version(),
            17,
            ORDERS.resolve("classes"),
            List.of(),
            Map.of(),
            tmp.resolve("skyhop"),
            TARGETS,
            Map.of("skyhop.strict", "true"));

    assertThatThrownBy(() -> new Packager(BuildListener.collecting(lines)).pack(request))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.strict = 'true' fails the build: 6 settings cannot be honoured exactly, the"
                + " first @Function(timeoutSeconds) = 10 of function get on azure (1800 (host.json"
                + " functionTimeout is one value for the whole app, left at the Flex Consumption"
                + " default)). Fix: change the settings named in the portability table to what"
                + " the targets apply, or leave those targets out of skyhop.targets, or drop"
                + " -Dskyhop.strict");
    List<String> expected = new ArrayList<>();
    expected.add("portability: settings a target cannot honour exactly");
    expected.addAll(Arrays.asList(table().split("\n")));
    assertThat(lines).containsSequence(expected);
  }
}
