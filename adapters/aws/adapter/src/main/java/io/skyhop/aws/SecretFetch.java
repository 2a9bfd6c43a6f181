package io.skyhop.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** One way of reading a secret's {@code SecretString}; null when the secret does not exist. */
interface SecretFetch {
  String secretString(String id) throws IOException;

  /** The {@code SecretString} of a {@code GetSecretValue} answer, or null on a not-found error. */
  static String answer(HttpURLConnection connection, String id) throws IOException {
    int status = connection.getResponseCode();
    InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    String body = stream == null ? "" : read(stream);
    if (status >= 400) {
      if (body.contains("ResourceNotFoundException")) {
        return null;
      }
      throw new IOException("HTTP " + status + " " + errorType(body) + " for secret '" + id + "'");
    }
    JsonElement string = JsonParser.parseString(body).getAsJsonObject().get("SecretString");
    if (string == null || string.isJsonNull()) {
      throw new IOException(
          "secret '" + id + "' holds binary data; Skyhop reads SecretString values");
    }
    return string.getAsString();
  }

  private static String errorType(String body) {
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      JsonElement type = o.has("__type") ? o.get("__type") : o.get("message");
      return type == null ? "" : type.getAsString();
    } catch (RuntimeException notJson) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
