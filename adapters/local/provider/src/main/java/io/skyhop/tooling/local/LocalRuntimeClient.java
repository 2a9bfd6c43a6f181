package io.skyhop.tooling.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the in-house runtime's admin API ({@code /_skyhop/}): health, deploy a bundle, list,
 * remove, invoke. Uses {@link HttpClient}; every failure is a {@link LocalRuntimeException} whose
 * message names the runtime and the fix.
 */
public final class LocalRuntimeClient {
  /** The default runtime URL ({@code skyhop.local.url}). */
  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8080");

  /** The token file in a runtime's data directory. */
  public static final String TOKEN_FILE = "admin-token";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ADMIN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(16);

  private final URI baseUrl;
  private final String token;
  private final HttpClient http;

  /**
   * A client.
   *
   * @param baseUrl the runtime, e.g. {@code http://127.0.0.1:8080}
   * @param token the admin token, or null for {@link #health()} only
   */
  public LocalRuntimeClient(URI baseUrl, String token) {
    String url = baseUrl.toString();
    this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * Reads the admin token of a runtime's data directory.
   *
   * @throws LocalRuntimeException when the file is missing or unreadable
   */
  public static String readToken(Path dataDir) {
    Path file = dataDir.resolve(TOKEN_FILE);
    try {
      return Files.readString(file).strip();
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new LocalRuntimeException(
          0,
          "No admin token at "
              + file
              + ": the runtime creates it at its first start. Fix: start the runtime with --data "
              + dataDir
              + ", or set skyhop.local.token",
          e);
    } catch (IOException e) {
      throw new LocalRuntimeException(0, "Cannot read the admin token " + file + ": " + e, e);
    }
  }

  /** The runtime's URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The runtime's health, or empty when nothing answers at the URL.
   *
   * @throws LocalRuntimeException when something answers but not as a Skyhop runtime
   */
  public Optional<Health> health() {
    HttpResponse<byte[]> response;
    try {
      response = send(request("/_skyhop/health", ADMIN_TIMEOUT).GET().build(), false);
    } catch (LocalRuntimeException e) {
      if (e.status() == 0) {
        return Optional.empty();
      }
      throw e;
    }
    JsonObject o = json(response, "GET /_skyhop/health");
    return Optional.of(
        new Health(string(o, "status"), string(o, "version"), o.get("apps").getAsInt()));
  }

  /** Deploys a bundle ({@code target/skyhop/local/<app>.zip}) as the app's new version. */
  public DeployedApp deploy(String app, Path bundle) {
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(bundle);
    } catch (FileNotFoundException e) {
      throw new LocalRuntimeException(
          0,
          "No bundle at " + bundle + ". Fix: run skyhop:package with local in skyhop.targets",
          e);
    }
    HttpRequest request =
        request("/_skyhop/apps/" + segment(app), ADMIN_TIMEOUT)
            .header("Content-Type", "application/zip")
            .PUT(body)
            .build();
    return app(json(send(request, true), "deploy " + app));
  }

  /** The deployed apps. */
  public List<DeployedApp> list() {
    JsonObject o = json(send(request("/_skyhop/apps", ADMIN_TIMEOUT).GET().build(), true), "list");
    List<DeployedApp> apps = new ArrayList<>();
    o.getAsJsonArray("apps").forEach(e -> apps.add(app(e.getAsJsonObject())));
    return apps;
  }

  /** One deployed app, or empty when it is not deployed. */
  public Optional<DeployedApp> app(String app) {
    HttpResponse<byte[]> response =
        send(request("/_skyhop/apps/" + segment(app), ADMIN_TIMEOUT).GET().build(), false);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(app(json(checked(response), "GET app " + app)));
  }

  /**
   * Removes an app.
   *
   * @return false when it was not deployed
   */
  public boolean remove(String app) {
    HttpResponse<byte[]> response =
        send(request("/_skyhop/apps/" + segment(app), ADMIN_TIMEOUT).DELETE().build(), false);
    if (response.statusCode() == 404) {
      return false;
    }
    checked(response);
    return true;
  }

  /** Stores a secret value for an app ({@code PUT /_skyhop/apps/<app>/secrets/<name>}). */
  public void putSecret(String app, String name, byte[] value) {
    send(
        request("/_skyhop/apps/" + segment(app) + "/secrets/" + segment(name), ADMIN_TIMEOUT)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(value))
            .build(),
        true);
  }

  /** The names of an app's secrets that hold a value ({@code GET /_skyhop/apps/<app>/secrets}). */
  public List<String> secretNames(String app) {
    JsonObject o =
        json(
            send(
                request("/_skyhop/apps/" + segment(app) + "/secrets", ADMIN_TIMEOUT).GET().build(),
                true),
            "GET secrets of " + app);
    List<String> names = new ArrayList<>();
    o.getAsJsonArray("secrets").forEach(e -> names.add(e.getAsString()));
    return names;
  }

  /**
   * Invokes a function directly with a JSON payload (as {@code skyhop:invoke} does); a function
   * that fails gives a result with its status, not an exception.
   */
  public InvokeResult invoke(String app, String function, byte[] payload) {
    HttpRequest request =
        request(
                "/_skyhop/apps/" + segment(app) + "/functions/" + segment(function) + "/invoke",
                INVOKE_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
            .build();
    HttpResponse<byte[]> response = send(request, false);
    if (response.statusCode() == 401 || response.statusCode() == 404) {
      checked(response);
    }
    return new InvokeResult(
        response.statusCode(),
        response.headers().firstValue("x-skyhop-request-id").orElse(null),
        response.body());
  }

  /**
   * {@code GET} of an admin path (with its query, each value already encoded) as JSON, e.g. {@code
   * /_skyhop/apps/<app>/logs?since=…}.
   *
   * @throws LocalRuntimeException naming the call when the runtime refuses or fails
   */
  public JsonObject adminGet(String pathAndQuery) {
    return json(send(request(pathAndQuery, ADMIN_TIMEOUT).GET().build(), true), pathAndQuery);
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpResponse<byte[]> send(HttpRequest request, boolean check) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new LocalRuntimeException(
          0,
          "Nothing answers at "
              + baseUrl
              + " ("
              + e.getClass().getSimpleName()
              + "). Fix: start the runtime (java -jar skyhop-runtime.jar --port "
              + (baseUrl.getPort() < 0 ? 80 : baseUrl.getPort())
              + ") or set skyhop.local.url to where it runs",
          e);
    } catch (IOException e) {
      throw new LocalRuntimeException(0, "Calling " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException(0, "Interrupted while calling " + request.uri(), e);
    }
    return check ? checked(response) : response;
  }

  private HttpResponse<byte[]> checked(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 400) {
      return response;
    }
    String what = response.request().method() + " " + response.request().uri();
    if (status == 401) {
      throw new LocalRuntimeException(
          401,
          "The runtime at "
              + baseUrl
              + " refused the admin token ("
              + what
              + " answered 401). Fix: set skyhop.local.token to the content of the file "
              + TOKEN_FILE
              + " in that runtime's data directory",
          null);
    }
    throw new LocalRuntimeException(
        status, what + " answered " + status + ": " + errorMessage(response.body()), null);
  }

  private static String errorMessage(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonElement e = JsonParser.parseString(text);
      if (e.isJsonObject() && e.getAsJsonObject().has("error")) {
        return e.getAsJsonObject().get("error").getAsString();
      }
    } catch (JsonParseException | IllegalStateException notJson) {
      // fall through to the raw text
    }
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  private JsonObject json(HttpResponse<byte[]> response, String what) {
    try {
      return JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new LocalRuntimeException(
          response.statusCode(),
          what
              + ": "
              + baseUrl
              + " answered "
              + response.statusCode()
              + " without a Skyhop runtime's JSON. Fix: point skyhop.local.url at a Skyhop runtime",
          e);
    }
  }

  private static DeployedApp app(JsonObject o) {
    List<DeployedFunction> functions = new ArrayList<>();
    JsonArray list = o.getAsJsonArray("functions");
    for (JsonElement e : list) {
      JsonObject f = e.getAsJsonObject();
      JsonObject trigger = f.getAsJsonObject("trigger");
      functions.add(
          new DeployedFunction(
              string(f, "name"),
              string(trigger, "type"),
              string(f, "url"),
              string(f, "key"),
              f.get("memoryMb").getAsInt(),
              f.get("timeoutSeconds").getAsInt(),
              f.get("instances").getAsInt()));
    }
    return new DeployedApp(
        string(o, "app"), string(o, "version"), string(o, "deployedAt"), List.copyOf(functions));
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The runtime's health.
   *
   * @param status {@code ok}
   * @param version the runtime's version
   * @param apps how many apps are deployed
   */
  public record Health(String status, String version, int apps) {}

  /**
   * A deployed app.
   *
   * @param app the app name
   * @param version the deployed version id
   * @param deployedAt when (ISO-8601)
   * @param functions its functions
   */
  public record DeployedApp(
      String app, String version, String deployedAt, List<DeployedFunction> functions) {
    /** A function by name. */
    public Optional<DeployedFunction> function(String name) {
      return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
  }

  /**
   * A deployed function.
   *
   * @param name the function name
   * @param trigger the trigger type ({@code http}, {@code schedule}, {@code queue}, {@code
   *     storage})
   * @param url the URL of an HTTP function, else null
   * @param key the function key of an {@code Auth.FUNCTION} HTTP function, else null
   * @param memoryMb the memory size
   * @param timeoutSeconds the timeout
   * @param instances instances alive now
   */
  public record DeployedFunction(
      String name,
      String trigger,
      String url,
      String key,
      int memoryMb,
      int timeoutSeconds,
      int instances) {}

  /**
   * The answer of a direct invocation.
   *
   * @param status 200 when the function returned; 500 when it threw; 502, 504 or 429 when the
   *     runtime could not run it
   * @param requestId the invocation's request id
   * @param body the function's result as JSON, or {@code {"error": …}}
   */
  public record InvokeResult(int status, String requestId, byte[] body) {
    /** The body as UTF-8 text. */
    public String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
