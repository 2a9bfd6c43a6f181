package io.skyhop.tooling.pack.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skyhop:package} checks the Lambda zip against Lambda's 50 MB direct-upload limit: a
 * generated dependency of incompressible bytes (51 MiB, written in well under a second) pushes it
 * over, and the failure names the largest jars.
 */
class AwsSizeBudgetTest {
  @TempDir Path tmp;

  @Test
  void aPackageAboveLambdasZippedLimitFailsNamingTheLargestJars() throws IOException {
    Path classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/skyhop"));
    Files.writeString(
        classes.resolve(FunctionIndex.RESOURCE), AwsPackagerTest.resource("functions.json"));
    List<Library> deps =
        List.of(
            jar("com.example", "big-model", "1.0", 51L << 20),
            jar("org.apache.commons", "commons-text", "1.12.0", 240_000),
            jar("com.example", "tiny", "1.0", 1_000));
    PackageRequest request =
        new PackageRequest(
            "shop",
            "1.0.0",
            17,
            classes,
            deps,
            Map.of(
                Target.named("aws"),
                List.of(
                    skyhopJar("skyhop-aws-lambda"),
                    skyhopJar("skyhop-adapter-core"),
                    jar("com.google.code.gson", "gson", "2.13.2", 290_000))),
            tmp.resolve("skyhop"),
            List.of(Target.named("aws")),
            Map.of());

    assertThatThrownBy(
            () -> new Packager(BuildListener.collecting(new ArrayList<>())).pack(request))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'aws' cannot take this package: aws package shop.zip is 51.5 MB"
                + " (zipped), above the limit of 50.0 MB (Lambda zipped direct upload,"
                + " https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)."
                + " Largest jars: big-model-1.0.jar (51.0 MB), gson-2.13.2.jar (0.3 MB),"
                + " commons-text-1.12.0.jar (0.2 MB). Fix: drop or shade down the largest"
                + " dependencies (scope provided/test where the target supplies them), or leave"
                + " aws out of skyhop.targets");
  }

  private Library skyhopJar(String artifact) throws IOException {
    Path file = tmp.resolve("repo").resolve(artifact + ".jar");
    Files.createDirectories(file.getParent());
    AwsPackagerTest.writeSkyhopJar(file, artifact);
    return new Library("io.skyhop", artifact, "0.1.0-SNAPSHOT", file);
  }

  /** A jar of {@code size} bytes of incompressible content (one stored entry). */
  private Library jar(String group, String artifact, String version, long size) throws IOException {
    Path file = tmp.resolve("repo").resolve(artifact + "-" + version + ".jar");
    Files.createDirectories(file.getParent());
    Random random = new Random(42);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      while (left > 0) {
        random.nextBytes(chunk);
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
    }
    return new Library(group, artifact, version, file);
  }
}
