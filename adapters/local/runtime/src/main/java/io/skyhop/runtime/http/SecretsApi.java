package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import io.skyhop.runtime.secret.BadSecretException;
import io.skyhop.runtime.secret.SecretStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_skyhop/apps/<app>/secrets}: {@code GET} lists the names holding a value (never a value);
 * {@code PUT …/secrets/<name>} stores the request body as the value; {@code DELETE
 * …/secrets/<name>} removes it. No route returns a value: only workers receive them.
 */
final class SecretsApi {
  private SecretsApi() {}

  static void handle(
      HttpExchange exchange, String method, SecretStore store, String app, List<String> rest)
      throws IOException {
    try {
      if (rest.isEmpty() && method.equals("GET")) {
        Exchanges.json(exchange, 200, Map.of("app", app, "secrets", store.names(app)));
      } else if (rest.size() == 1 && method.equals("PUT")) {
        Optional<byte[]> value = Exchanges.bodyOrAnswer(exchange, SecretStore.MAX_VALUE_BYTES);
        if (value.isPresent()) {
          store.put(app, rest.get(0), value.get());
          Exchanges.send(exchange, 204, null, new byte[0]);
        }
      } else if (rest.size() == 1 && method.equals("DELETE")) {
        if (store.delete(app, rest.get(0))) {
          Exchanges.send(exchange, 204, null, new byte[0]);
        } else {
          Exchanges.error(
              exchange, 404, "App '" + app + "' has no secret '" + rest.get(0) + "'", null);
        }
      } else {
        Exchanges.error(
            exchange,
            405,
            "Use GET /_skyhop/apps/<app>/secrets, or PUT or DELETE"
                + " /_skyhop/apps/<app>/secrets/<name>",
            null);
      }
    } catch (BadSecretException e) {
      Exchanges.error(exchange, 400, e.getMessage(), null);
    }
  }
}
