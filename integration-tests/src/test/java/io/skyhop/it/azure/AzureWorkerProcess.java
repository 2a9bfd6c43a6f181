package io.skyhop.it.azure;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker stand-in in its own JVM, started as the Functions host starts the Java worker: with
 * the app settings as its process environment (Key Vault references already resolved by App
 * Service). Arguments: the app folder, a scratch folder, an HTTP method and a path; prints the
 * invocation's outcome as one JSON line (the body as UTF-8 text).
 */
public final class AzureWorkerProcess {
  private AzureWorkerProcess() {}

  /** Runs one HTTP invocation. */
  public static void main(String[] args) throws Exception {
    try (AzureApp app = AzureApp.load(Path.of(args[0]), Path.of(args[1]))) {
      Map<String, Object> out = new LinkedHashMap<>(app.http(args[2], args[3], Map.of(), null));
      if (out.get("body") instanceof byte[] body) {
        out.put("body", new String(body, StandardCharsets.UTF_8));
      }
      System.out.println(new Gson().toJson(out));
    }
  }
}
