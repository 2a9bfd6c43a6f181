package io.skyhop.it.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A copy of {@code examples/orders} deployed to the stubs with real Maven runs: the {@code -D}
 * settings every run passes (target gcp, endpoint, project {@code demo}, region {@code
 * europe-west1}; no tests, no install or artifact deploy), application-default credentials from the
 * stubbed token endpoint through {@code CLOUDSDK_CONFIG}, and the packaged zip.
 */
final class GcpOrdersProject {
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  final MavenBuild build;
  final Path gcloud;
  final Path serviceAccountKey;
  private final String endpoint;

  GcpOrdersProject(String endpoint) throws Exception {
    this(endpoint, "deploy-gcp");
  }

  /** A copy of its own, {@code target/it/<name>} (ITs run in parallel forks). */
  GcpOrdersProject(String endpoint, String name) throws Exception {
    this.endpoint = endpoint;
    build = MavenBuild.copy(Repo.root().resolve("examples/orders"), name);
    Path pom = build.dir().resolve("pom.xml");
    String text = Files.readString(pom);
    if (!text.contains("<goal>deploy</goal>")) {
      // The example binds only skyhop:package; a project made from the archetype binds deploy too.
      Files.writeString(
          pom, text.replace("<goal>package</goal>", "<goal>package</goal>\n<goal>deploy</goal>"));
    }
    Path credentials = build.dir().resolveSibling(name + "-credentials");
    gcloud = GcpCredentialFiles.gcloudConfig(credentials.resolve("gcloud"), endpoint + "/token");
    serviceAccountKey =
        GcpCredentialFiles.serviceAccountKey(credentials.resolve("sa.json"), endpoint + "/token");
    build.env("CLOUDSDK_CONFIG", gcloud.toString());
  }

  /** The settings of every run. */
  List<String> common() {
    return List.of(
        "-Dskyhop.target=gcp",
        "-Dskyhop.targets=gcp",
        "-Dskyhop.gcp.endpoint=" + endpoint,
        "-Dskyhop.gcp.project=demo",
        "-Dskyhop.gcp.pollMillis=20",
        "-Dskyhop.region=europe-west1",
        // the stubs' function URLs (*.a.run.app) do not answer here: state checks only
        "-Dskyhop.verify=false",
        "-DskipTests",
        "-Dspotless.apply.skip",
        "-Dmaven.install.skip=true",
        "-Dmaven.deploy.skip=true");
  }

  /** {@code mvn deploy} with the common settings plus {@code extra}. */
  MavenBuild.Result deploy(String... extra) {
    return run(common(), concat(List.of(extra), "deploy"));
  }

  /** {@code mvn <args>} with the given settings. */
  MavenBuild.Result run(List<String> settings, String... args) {
    List<String> all = new ArrayList<>(settings);
    all.addAll(List.of(args));
    return build.run(TIMEOUT, all.toArray(String[]::new));
  }

  /** The source file of the example's functions in the copy. */
  Path ordersSource() {
    return build.dir().resolve("src/main/java/com/example/orders/Orders.java");
  }

  /** {@code target/skyhop/gcp/orders.zip} as last packaged. */
  byte[] packagedZip() throws Exception {
    return Files.readAllBytes(build.dir().resolve("target/skyhop/gcp/orders.zip"));
  }

  /** {@code target/skyhop/deploy-gcp.json}. */
  String record() throws Exception {
    return Files.readString(build.dir().resolve("target/skyhop/deploy-gcp.json"));
  }

  /** The value of the code label: the first 60 hex digits of the zip's SHA-256. */
  static String codeLabel(byte[] zip) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(zip))
        .substring(0, 60);
  }

  static void assertGreen(MavenBuild.Result result) {
    assertThat(result.succeeded()).as("build green: " + result + "\n" + tail(result)).isTrue();
  }

  static void assertRed(MavenBuild.Result result) {
    assertThat(result.succeeded()).as("build red: " + result).isFalse();
    assertThat(result.exitCode()).isNotZero();
  }

  private static String tail(MavenBuild.Result result) {
    List<String> lines = result.lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  static String[] concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
