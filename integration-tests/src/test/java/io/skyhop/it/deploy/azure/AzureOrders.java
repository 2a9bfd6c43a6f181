package io.skyhop.it.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A copy of {@code examples/orders} that deploys with {@code -Dskyhop.target=azure} to {@link
 * AzureStubs}: an environment service principal for {@code DefaultAzureCredential} (its token from
 * the stubbed authority), the stub's certificate trusted, and the assertions every scenario shares.
 */
final class AzureOrders {
  static final String SUBSCRIPTION = "3f2a1b7c-0000-4000-8000-00000000a2b1";
  static final String RG = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/orders-rg";
  static final String WEB = RG + "/providers/Microsoft.Web";
  static final String SA = RG + "/providers/Microsoft.Storage/storageAccounts/{sa}";
  static final String TENANT = "72f988bf-0000-4000-8000-0000000000aa";
  static final String CLIENT = "0c6b2f1e-0000-4000-8000-0000000000c1";
  static final String SECRET = "it-client-secret-Xq8~never-logged";
  static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.skyhop-it.arm-token";
  static final String STORAGE_KEY = "c2t5aG9wLWl0LXN0b3JhZ2Uta2V5LTE=";
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  final AzureStubs stubs;
  final MavenBuild build;

  AzureOrders(AzureStubs stubs) throws IOException {
    this.stubs = stubs;
    build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "deploy-azure");
    Path pom = build.dir().resolve("pom.xml");
    String text = Files.readString(pom);
    if (!text.contains("<goal>deploy</goal>")) {
      Files.writeString(
          pom, text.replace("<goal>package</goal>", "<goal>package</goal>\n<goal>deploy</goal>"));
    }
    build
        .env("AZURE_CLIENT_ID", CLIENT)
        .env("AZURE_CLIENT_SECRET", SECRET)
        .env("AZURE_TENANT_ID", TENANT)
        .env("AZURE_AUTHORITY_HOST", stubs.endpoint())
        .env("MAVEN_OPTS", stubs.mavenOpts());
  }

  /** The settings of every run: the stub as ARM endpoint, subscription, group and region. */
  List<String> common() {
    return List.of(
        "-o",
        "-Dskyhop.target=azure",
        "-Dskyhop.targets=azure",
        "-Dskyhop.azure.endpoint=" + stubs.endpoint(),
        // the storage data plane (Shared Key) on the same stub; the queue and the container are
        // the team's own (bring your own): read, never created or deleted
        "-Dskyhop.azure.blobEndpoint=" + stubs.endpoint() + "/{account}",
        "-Dskyhop.azure.queueEndpoint=" + stubs.endpoint() + "/{account}",
        "-Dskyhop.resources.orders=orders",
        "-Dskyhop.resources.uploads=uploads",
        "-Dskyhop.azure.subscription=" + SUBSCRIPTION,
        // ARM operations and Kudu deployments polled every 20 ms, not every 2 s
        "-Dskyhop.azure.pollMillis=20",
        "-Dskyhop.azure.resourceGroup=orders-rg",
        "-Dskyhop.region=westeurope",
        "-DskipTests",
        "-Dspotless.apply.skip",
        "-Dmaven.install.skip=true",
        "-Dmaven.deploy.skip=true");
  }

  /** {@code mvn <common> <extra…> <goal>} in the copy. */
  MavenBuild.Result run(String goal, String... extra) {
    List<String> args = new ArrayList<>(common());
    args.addAll(List.of(extra));
    return run(build, args, goal);
  }

  static MavenBuild.Result run(MavenBuild b, List<String> settings, String... goals) {
    List<String> all = new ArrayList<>(settings);
    all.addAll(List.of(goals));
    return b.run(TIMEOUT, all.toArray(String[]::new));
  }

  byte[] packagedZip() throws IOException {
    return Files.readAllBytes(build.dir().resolve("target/skyhop/azure/orders.zip"));
  }

  /** The storage account the last recorded deploy used. */
  String storageAccount() throws IOException {
    String record = Files.readString(build.dir().resolve("target/skyhop/deploy-azure.json"));
    JsonObject details =
        JsonParser.parseString(record).getAsJsonObject().getAsJsonObject("details");
    return details.get("storageAccount").getAsString();
  }

  /** The connection string a deploy writes to {@code AzureWebJobsStorage} for {@code account}. */
  static String connection(String account) {
    return "DefaultEndpointsProtocol=https;AccountName="
        + account
        + ";AccountKey="
        + STORAGE_KEY
        + ";EndpointSuffix=core.windows.net";
  }

  /** The calls that change something, oldest first, the storage account's name as {@code {sa}}. */
  List<String> writes() {
    return stubs.calls().stream()
        .filter(c -> c.startsWith("PUT") || c.startsWith("POST /api") || c.startsWith("DELETE"))
        .map(c -> c.replaceAll("storageAccounts/[a-z0-9]+", "storageAccounts/{sa}"))
        // a blob name's '/' as the storage SDK sends it
        .map(c -> c.replace("%2F", "/"))
        .toList();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject json(LoggedRequest r) {
    return JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
  }

  static void assertGreen(MavenBuild.Result result) {
    assertThat(result.succeeded()).as("build green: " + result).isTrue();
  }

  static void assertRed(MavenBuild.Result result) {
    assertThat(result.succeeded()).as("build red: " + result).isFalse();
  }

  /** No secret of the run in Maven's output. */
  static void assertNoSecrets(MavenBuild.Result result) {
    assertThat(result.output()).doesNotContain(SECRET, TOKEN, STORAGE_KEY, "AccountKey=");
  }
}
