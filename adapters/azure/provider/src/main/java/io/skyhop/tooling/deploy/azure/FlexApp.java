package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.pack.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired Flex Consumption function app of a manifest: one app for all functions, so memory is
 * the largest any function asks for (rounded up to an instance size Flex offers), the instance
 * limit the largest {@code maxConcurrency} (100 when none is set), the environment the union of
 * every function's (one shared set of app settings per app).
 *
 * @param javaVersion {@code functionAppConfig.runtime.version}, from the manifest's Java release
 * @param instanceMemoryMb 512, 2048 or 4096
 * @param maximumInstanceCount the instance limit
 * @param env the app's environment (without the storage connection)
 * @param alwaysReady always-ready instances by group ({@link AlwaysReady}), empty for none
 */
record FlexApp(
    String javaVersion,
    int instanceMemoryMb,
    int maximumInstanceCount,
    Map<String, String> env,
    Map<String, Integer> alwaysReady) {

  /** An app without always-ready instances. */
  FlexApp(
      String javaVersion, int instanceMemoryMb, int maximumInstanceCount, Map<String, String> env) {
    this(javaVersion, instanceMemoryMb, maximumInstanceCount, env, Map.of());
  }

  /** The tag on every resource Skyhop created, naming the app. */
  static final String TAG = "skyhop-app";

  /** The app setting holding the SHA-256 of the last published zip. */
  static final String CODE_SETTING = "SKYHOP_CODE_SHA256";

  /**
   * The host's storage connection: {@code AzureWebJobsStorage__accountName} (identity-based); a
   * connection string under the bare name, which older deploys wrote, is removed.
   */
  static final String STORAGE_SETTING = "AzureWebJobsStorage";

  /** How the site reads its package container: by its system-assigned identity. */
  static final String DEPLOYMENT_AUTH = "SystemAssignedIdentity";

  /** The blob container Flex reads the package from. */
  static final String CONTAINER = "app-package";

  static final int DEFAULT_MAX_INSTANCES = 100;

  /** The app a manifest needs. */
  static FlexApp of(Manifest manifest) {
    int memory = 0;
    int instances = 0;
    Map<String, String> env = new TreeMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (Manifest.Function f : manifest.functions()) {
      memory = Math.max(memory, f.memoryMb());
      instances = Math.max(instances, f.maxConcurrency());
      Map<String, String> all = new LinkedHashMap<>(f.env() == null ? Map.of() : f.env());
      all.putAll(f.targetEnv("azure"));
      for (Map.Entry<String, String> e : all.entrySet()) {
        String before = env.putIfAbsent(e.getKey(), e.getValue());
        if (before != null && !before.equals(e.getValue())) {
          throw new ConfigurationException(
              "@Function env",
              e.getKey(),
              "has different values in functions "
                  + owner.get(e.getKey())
                  + " and "
                  + f.name()
                  + ", but the functions of an Azure function app share one set of app settings."
                  + " Fix: give the variable one value, or use different names");
        }
        owner.putIfAbsent(e.getKey(), f.name());
      }
    }
    return new FlexApp(
        Integer.toString(manifest.javaRelease()),
        instanceMemory(memory),
        instances > 0 ? instances : DEFAULT_MAX_INSTANCES,
        env,
        AlwaysReady.of(manifest));
  }

  /** This app with {@code settings} (Key Vault references) added to its environment. */
  FlexApp withSettings(Map<String, String> settings) {
    Map<String, String> all = new TreeMap<>(env);
    all.putAll(settings);
    return new FlexApp(javaVersion, instanceMemoryMb, maximumInstanceCount, all, alwaysReady);
  }

  /** The smallest Flex instance size holding {@code memoryMb}. */
  static int instanceMemory(int memoryMb) {
    if (memoryMb <= 512) {
      return 512;
    }
    if (memoryMb <= 2048) {
      return 2048;
    }
    if (memoryMb <= 4096) {
      return 4096;
    }
    throw new ConfigurationException(
        "@Function(memoryMb)",
        Integer.toString(memoryMb),
        "is more than the largest Flex Consumption instance (4096 MB). Fix: ask for 4096 MB or"
            + " less");
  }

  /** The body of {@code PUT resourceGroups/<group>} (tagged: Skyhop created it). */
  static JsonObject resourceGroup(AzureSettings azure, Naming naming) {
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.add("tags", tags(naming));
    return body;
  }

  /** The body of {@code PUT storageAccounts/<name>}. */
  static JsonObject storageAccount(AzureSettings azure, Naming naming) {
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.addProperty("kind", "StorageV2");
    JsonObject sku = new JsonObject();
    sku.addProperty("name", "Standard_LRS");
    body.add("sku", sku);
    JsonObject props = new JsonObject();
    props.addProperty("minimumTlsVersion", "TLS1_2");
    props.addProperty("allowBlobPublicAccess", false);
    props.addProperty("supportsHttpsTrafficOnly", true);
    body.add("properties", props);
    body.add("tags", tags(naming));
    return body;
  }

  /** The body of {@code PUT serverfarms/<plan>}: Flex Consumption (FC1), Linux. */
  static JsonObject plan(AzureSettings azure, Naming naming) {
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.addProperty("kind", "functionapp");
    JsonObject sku = new JsonObject();
    sku.addProperty("name", "FC1");
    sku.addProperty("tier", "FlexConsumption");
    body.add("sku", sku);
    JsonObject props = new JsonObject();
    props.addProperty("reserved", true);
    body.add("properties", props);
    body.add("tags", tags(naming));
    return body;
  }

  /**
   * The body of {@code PUT sites/<app>}: the plan, HTTPS only, the system-assigned identity, and
   * {@code functionAppConfig} (the package container read by that identity, runtime java and
   * version, memory and instance limit). App settings are written separately, complete.
   */
  JsonObject site(AzureSettings azure, Naming naming) {
    JsonObject storage = new JsonObject();
    storage.addProperty("type", "blobContainer");
    storage.addProperty("value", packageContainer(azure));
    JsonObject auth = new JsonObject();
    auth.addProperty("type", DEPLOYMENT_AUTH);
    storage.add("authentication", auth);
    JsonObject deployment = new JsonObject();
    deployment.add("storage", storage);
    JsonObject runtime = new JsonObject();
    runtime.addProperty("name", "java");
    runtime.addProperty("version", javaVersion);
    JsonObject scale = new JsonObject();
    scale.addProperty("maximumInstanceCount", maximumInstanceCount);
    scale.addProperty("instanceMemoryMB", instanceMemoryMb);
    if (!alwaysReady.isEmpty()) {
      scale.add("alwaysReady", AlwaysReady.json(alwaysReady));
    }
    JsonObject config = new JsonObject();
    config.add("deployment", deployment);
    config.add("runtime", runtime);
    config.add("scaleAndConcurrency", scale);
    JsonObject siteConfig = new JsonObject();
    siteConfig.addProperty("minTlsVersion", "1.2");
    JsonObject props = new JsonObject();
    props.addProperty("serverFarmId", azure.planId());
    props.addProperty("httpsOnly", true);
    props.add("siteConfig", siteConfig);
    props.add("functionAppConfig", config);
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.addProperty("kind", "functionapp,linux");
    body.add("properties", props);
    body.add("tags", tags(naming));
    // the identity reads storage (host and package), Key Vault references and App Insights
    JsonObject identity = new JsonObject();
    identity.addProperty("type", "SystemAssigned");
    body.add("identity", identity);
    return body;
  }

  /**
   * Whether a live site already is this app: runtime, memory and instance limit, the package
   * container and the plan (a changed {@code skyhop.azure.storageAccount} updates the site).
   */
  boolean matches(JsonObject site, AzureSettings azure) {
    try {
      JsonObject props = site.getAsJsonObject("properties");
      JsonObject config = props.getAsJsonObject("functionAppConfig");
      JsonObject runtime = config.getAsJsonObject("runtime");
      JsonObject scale = config.getAsJsonObject("scaleAndConcurrency");
      JsonObject storage = config.getAsJsonObject("deployment").getAsJsonObject("storage");
      String container = storage.get("value").getAsString();
      String auth = storage.getAsJsonObject("authentication").get("type").getAsString();
      return "java".equalsIgnoreCase(runtime.get("name").getAsString())
          && javaVersion.equals(runtime.get("version").getAsString())
          && scale.get("instanceMemoryMB").getAsInt() == instanceMemoryMb
          && scale.get("maximumInstanceCount").getAsInt() == maximumInstanceCount
          && AlwaysReady.live(scale).equals(alwaysReady)
          && container.equalsIgnoreCase(packageContainer(azure))
          && DEPLOYMENT_AUTH.equalsIgnoreCase(auth)
          && props.get("serverFarmId").getAsString().equalsIgnoreCase(azure.planId())
          && hasSystemIdentity(site);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean hasSystemIdentity(JsonObject site) {
    JsonObject identity = site.getAsJsonObject("identity");
    return identity != null
        && identity.has("type")
        && identity.get("type").getAsString().contains("SystemAssigned");
  }

  /** The blob container the app reads its package from. */
  static String packageContainer(AzureSettings azure) {
    return "https://" + azure.storageAccount() + ".blob.core.windows.net/" + CONTAINER;
  }

  /**
   * The complete app settings: the live ones (settings someone else added are kept), the
   * identity-based storage connection (a connection string left by an older deploy removed), the
   * app's environment and the code hash.
   *
   * @param storage the {@code AzureWebJobsStorage__*} settings
   * @param codeSha the hash of the code the app runs, null when unknown
   */
  Map<String, String> settings(
      Map<String, String> live, Map<String, String> storage, String codeSha) {
    Map<String, String> all = new TreeMap<>(live);
    all.remove(STORAGE_SETTING);
    all.putAll(storage);
    all.putAll(env);
    if (codeSha == null) {
      all.remove(CODE_SETTING);
    } else {
      all.put(CODE_SETTING, codeSha);
    }
    return all;
  }

  private static JsonObject tags(Naming naming) {
    JsonObject tags = new JsonObject();
    AzureNames.of(naming).tags().forEach(tags::addProperty);
    return tags;
  }

  /**
   * Whether a resource's tags name this app and stage ({@code skyhop-app}, {@code skyhop-stage}).
   */
  static boolean owned(Naming naming, JsonObject resource) {
    Map<String, String> tags = new LinkedHashMap<>();
    JsonElement all = resource.get("tags");
    if (all != null && all.isJsonObject()) {
      all.getAsJsonObject()
          .entrySet()
          .forEach(e -> tags.put(e.getKey(), e.getValue().getAsString()));
    }
    return naming.owns(tags, AzureNames.TAG_PREFIX);
  }
}
