package io.skyhop.tooling.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.PackageArchives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionTest {
  private static final ArtifactCoordinates ARTIFACT =
      ArtifactCoordinates.parse("com.example:orders:1.4.0");

  @TempDir Path tmp;

  @Test
  void coordinatesOfAnotherShapeNameTheProperty() {
    assertThatThrownBy(() -> ArtifactCoordinates.parse("com.example:orders"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.artifact = 'com.example:orders' is not groupId:artifactId:version. Fix: name"
                + " the build to deploy like -Dskyhop.artifact=com.example:orders:1.4.0");
    assertThat(ARTIFACT.toString()).isEqualTo("com.example:orders:1.4.0");
  }

  @Test
  void aPackageMatchingItsManifestIsUnpackedWithTheManifest() throws Exception {
    Path built = packaged();
    Path into = tmp.resolve("promoted/target/skyhop");
    Promotion p =
        Promotion.unpack(
            ARTIFACT,
            Target.named("local"),
            built.resolve(ManifestFile.NAME),
            built.resolve("packages/orders-skyhop-local.zip"),
            into);
    assertThat(p.app()).isEqualTo("orders");
    assertThat(p.sha256())
        .isEqualTo(PackageArchives.sha256(built.resolve("packages/orders-skyhop-local.zip")));
    assertThat(into.resolve("local/orders.zip")).hasContent("the bundle");
    assertThat(ManifestFile.read(into).packageDigests()).containsKey("local");
  }

  @Test
  void aTamperedPackageFailsNamingItAndBothDigests() throws Exception {
    Path built = packaged();
    Path pkg = built.resolve("packages/orders-skyhop-local.zip");
    String expected = PackageArchives.sha256(pkg);
    Files.write(pkg, new byte[] {1}, StandardOpenOption.APPEND);
    assertThatThrownBy(
            () ->
                Promotion.unpack(
                    ARTIFACT,
                    Target.named("local"),
                    built.resolve(ManifestFile.NAME),
                    pkg,
                    tmp.resolve("promoted")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.artifact = 'com.example:orders:1.4.0' has a package that differs from its"
                + " manifest: "
                + pkg
                + " has SHA-256 "
                + PackageArchives.sha256(pkg)
                + " but manifest.json says "
                + expected
                + ". Fix: do not deploy it; publish the build again from its sources");
    assertThat(tmp.resolve("promoted")).doesNotExist();
  }

  @Test
  void aTargetThatWasNotPackagedNamesTheFix() throws Exception {
    Path built = packaged();
    assertThatThrownBy(
            () ->
                Promotion.unpack(
                    ARTIFACT,
                    Target.named("aws"),
                    built.resolve(ManifestFile.NAME),
                    built.resolve("packages/orders-skyhop-local.zip"),
                    tmp.resolve("promoted")))
        .hasMessage(
            "skyhop.artifact = 'com.example:orders:1.4.0' holds no package for target aws (its"
                + " manifest lists [local]). Fix: package it with aws in skyhop.targets and install"
                + " or deploy that build");
  }

  /** A build's target/skyhop with a local bundle, its archive and a manifest naming its digest. */
  private Path packaged() throws Exception {
    Path skyhop = tmp.resolve("build/target/skyhop");
    Files.createDirectories(skyhop.resolve("local"));
    Files.writeString(skyhop.resolve("local/orders.zip"), "the bundle", StandardCharsets.UTF_8);
    Map<String, PackageArchives.Digest> digests =
        PackageArchives.write(skyhop, "orders", List.of(Target.named("local")));
    Manifest manifest =
        new Manifest(
            "orders",
            "1.4.0",
            17,
            List.of(
                new Manifest.Function(
                    "get",
                    Manifest.Trigger.http("/orders", List.of("GET"), "ANONYMOUS"),
                    256,
                    10,
                    0,
                    Map.of(),
                    Map.of())),
            digests);
    ManifestFile.write(skyhop, manifest);
    // the archive is reproducible: packaging the same folder again gives the same digest
    assertThat(PackageArchives.write(skyhop, "orders", List.of(Target.named("local"))))
        .isEqualTo(digests);
    return skyhop;
  }
}
