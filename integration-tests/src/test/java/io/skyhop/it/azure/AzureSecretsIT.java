package io.skyhop.it.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function reads its secret by name through the Azure worker stand-in ({@link AzureApp}), run in
 * its own JVM whose environment is the app settings as App Service hands them to the worker: the
 * Key Vault reference deploy writes ({@code SKYHOP_SECRET_DB_PASSWORD
 * = @Microsoft.KeyVault(SecretUri=…)}) resolved to the value; a reference App Service could not
 * resolve counts as no value and says how to set it. The fixture {@code local/secrets} is packaged
 * for azure in the {@code dev} stage.
 */
class AzureSecretsIT {
  private static final String VALUE = "azure-" + Long.toHexString(System.nanoTime());
  private static final String REFERENCE =
      "@Microsoft.KeyVault(SecretUri=https://team-vault.vault.azure.net/secrets/vault--dev--";

  @TempDir static Path work;
  private static Path app;

  @BeforeAll
  static void packageTheFixture() throws Exception {
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "local/secrets",
            "vault",
            work,
            Map.of(),
            // without skyhop.settingsDir: its per-function GREETING (snoop.GREETING) would give
            // two functions of one Azure app different values, which app settings cannot hold
            Map.of("skyhop.stage", "dev"),
            Target.named("azure"),
            List.of(
                new Library(
                    "io.skyhop",
                    "skyhop-azure-functions",
                    version,
                    built("adapters/azure/adapter", "skyhop-azure-functions-" + version + ".jar")),
                lib("skyhop-adapter-core", version, io.skyhop.core.FunctionRuntime.class),
                new Library(
                    "com.google.code.gson",
                    "gson",
                    "2.13.2",
                    LocalFixtureApp.jarOf(com.google.gson.Gson.class, work))));
    app = skyhop.resolve("azure/vault");
  }

  @Test
  void theFunctionReadsTheResolvedReferenceByName() throws Exception {
    JsonObject out =
        invoke(
            "/api/reveal",
            Map.of(
                "GREETING",
                "hello from dev",
                "SKYHOP_STAGE",
                "dev",
                "SKYHOP_SECRET_DB_PASSWORD",
                VALUE,
                "SKYHOP_SECRET_API_KEY",
                REFERENCE + "api-key/)"));

    assertThat(out.get("status").getAsInt()).isEqualTo(200);
    assertThat(body(out)).isEqualTo("hello from dev|" + VALUE);
    assertThat(out.toString().replace(body(out), "")).doesNotContain(VALUE);
  }

  @Test
  void anUnresolvedReferenceIsNoValueAndSaysHowToSetIt() throws Exception {
    JsonObject out =
        invoke(
            "/api/unset",
            Map.of("SKYHOP_STAGE", "dev", "SKYHOP_SECRET_API_KEY", REFERENCE + "api-key/)"));

    assertThat(body(out))
        .isEqualTo(
            "Secret 'api-key' of function 'unset' has no value in Azure Key Vault (environment"
                + " variable SKYHOP_SECRET_API_KEY is unset or unresolved). Fix: set it with 'mvn"
                + " skyhop:secret -Dskyhop.secret=api-key -Dskyhop.target=azure"
                + " -Dskyhop.stage=dev' (value on standard input), then deploy again");
  }

  /** One HTTP invocation in a worker JVM whose environment is exactly {@code appSettings}. */
  private static JsonObject invoke(String path, Map<String, String> appSettings) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AzureWorkerProcess.class.getName());
    command.add(app.toString());
    command.add(work.resolve("worker-" + System.nanoTime()).toString());
    command.add("GET");
    command.add(path);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(appSettings);
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(stdout).isZero();
    String[] lines = stdout.strip().split("\n");
    return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
  }

  private static String body(JsonObject out) {
    var body = out.get("body");
    return body == null || body.isJsonNull() ? "" : body.getAsString();
  }

  /** A module's jar as the reactor built it (the adapter is not on this module's class path). */
  private static Path built(String module, String jar) {
    Path path = Repo.root().resolve(module).resolve("target").resolve(jar);
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is missing: build " + module + " first");
    }
    return path;
  }

  private static Library lib(String artifact, String version, Class<?> type) throws Exception {
    return new Library("io.skyhop", artifact, version, LocalFixtureApp.jarOf(type, work));
  }
}
