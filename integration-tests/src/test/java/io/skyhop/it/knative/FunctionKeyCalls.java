package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The keyed function of the greeter fixture ({@code GET /greeter/whisper}, {@code Auth.FUNCTION})
 * called as a client would: its key mounted where the Service mounts the Secret {@code
 * greeter-function-keys}, as the kubelet writes a Secret volume (one file per data key).
 */
final class FunctionKeyCalls {
  static final String PATH = "/greeter/whisper";
  static final String FUNCTION = "whisper";

  private FunctionKeyCalls() {}

  /** Writes a new key, as deploy makes them, into {@code dir} of the image's root; returns it. */
  static String mount(ImageRun run, String dir) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = run.inRoot(dir + "/" + FUNCTION);
    Files.createDirectories(file.getParent());
    Files.writeString(file, key);
    return key;
  }

  /** No key or a wrong one: 401 naming how to pass it; the key in the header or ?code=: 200. */
  static void assertEnforced(HttpClient http, int port, String key)
      throws IOException, InterruptedException {
    String needsKey =
        "Function 'whisper' needs its key in the x-functions-key header or the code query"
            + " parameter";
    HttpResponse<String> none = call(http, port, PATH, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains(needsKey);
    HttpResponse<String> wrong = call(http, port, PATH, key.substring(1) + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(call(http, port, PATH + "?code=wrong", null).statusCode()).isEqualTo(401);

    HttpResponse<String> header = call(http, port, PATH, key);
    assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
    assertThat(header.body()).isEqualTo("psst");
    HttpResponse<String> query = call(http, port, PATH + "?code=" + key, null);
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(query.body()).isEqualTo("psst");
  }

  private static HttpResponse<String> call(HttpClient http, int port, String path, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("x-functions-key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
