package io.skyhop.tooling.pack.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UberJarTest {
  @TempDir Path dir;

  private UberJar merged() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/app"));
    Files.writeString(classes.resolve("Main.class"), "mine");
    Files.createDirectories(dir.resolve("classes/META-INF/services"));
    Files.writeString(dir.resolve("classes/META-INF/services/x.Spi"), "app.MySpi\n");
    Path a =
        Jars.write(
            dir.resolve("a.jar"),
            "META-INF/MANIFEST.MF",
            "Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n",
            "META-INF/A.SF",
            "sig",
            "META-INF/A.RSA",
            "sig",
            "META-INF/services/x.Spi",
            "# comment\nlib.ASpi\napp.MySpi\n",
            "module-info.class",
            "mod",
            "META-INF/versions/9/module-info.class",
            "mod",
            "lib/A.class",
            "a",
            "app/Main.class",
            "theirs");
    Path b =
        Jars.write(
            dir.resolve("b.jar"),
            "META-INF/services/x.Spi",
            "lib.BSpi",
            "lib/A.class",
            "a",
            "lib/B.class",
            "b",
            "META-INF/LICENSE",
            "b license");
    return new UberJar().addDirectory(dir.resolve("classes")).addJar(a).addJar(b);
  }

  @Test
  void mergesServicesDropsSignaturesAndKeepsTheFirstCopy() throws Exception {
    UberJar jar = merged();

    Map<String, String> entries = Jars.entries(jar.toBytes(Map.of("Created-By", "Skyhop")));

    assertThat(entries.keySet())
        .containsExactly(
            "META-INF/",
            "META-INF/MANIFEST.MF",
            "META-INF/LICENSE",
            "META-INF/services/",
            "META-INF/services/x.Spi",
            "app/",
            "app/Main.class",
            "lib/",
            "lib/A.class",
            "lib/B.class");
    assertThat(entries.get("META-INF/MANIFEST.MF"))
        .isEqualTo("Manifest-Version: 1.0\r\nCreated-By: Skyhop\r\nMulti-Release: true\r\n\r\n");
    assertThat(entries.get("META-INF/services/x.Spi")).isEqualTo("app.MySpi\nlib.ASpi\nlib.BSpi\n");
    assertThat(entries.get("app/Main.class")).isEqualTo("mine");
    assertThat(jar.conflicts()).containsExactly("app/Main.class (also in a.jar)");
  }

  @Test
  void isReproducible() throws Exception {
    byte[] first = merged().toBytes(Map.of());
    byte[] second = merged().toBytes(Map.of());

    assertThat(second).isEqualTo(first);
  }
}
