package io.skyhop.tooling.deploy.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * A Google API error as the provider stated it: the HTTP status, the canonical status name from the
 * {@code google.rpc.Status} body (the client reports a 409 as "Conflict" even when the body says
 * {@code ALREADY_EXISTS}) and the message.
 *
 * @param httpStatus the HTTP status, 0 when there was no HTTP answer
 * @param status the canonical status, e.g. {@code ALREADY_EXISTS}, {@code RESOURCE_EXHAUSTED}
 * @param message the provider's message
 */
public record ProviderError(int httpStatus, String status, String message) {

  /** Reads an exception of Google's clients, looking for the HTTP answer among its causes. */
  public static ProviderError of(ApiException e) {
    String status = e.getStatusCode().getCode().name();
    int http = httpStatus(e);
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException h) {
        http = h.getStatusCode();
        Optional<JsonObject> error = body(h.getContent());
        if (error.isPresent()) {
          status = text(error.get(), "status").orElse(status);
          message = text(error.get(), "message").orElse(message);
        }
        break;
      }
    }
    return new ProviderError(http, status, message);
  }

  /** Throttling or a server-side fault: worth retrying after a pause. */
  public boolean isTransient() {
    return httpStatus == 429
        || httpStatus >= 500
        || status.equals("RESOURCE_EXHAUSTED")
        || status.equals("UNAVAILABLE");
  }

  /** The resource exists already (HTTP 409 {@code ALREADY_EXISTS}). */
  public boolean isAlreadyExists() {
    return status.equals("ALREADY_EXISTS");
  }

  /** A conflict other than existence: another operation on the resource is in progress. */
  public boolean isBusy() {
    return httpStatus == 409 && !isAlreadyExists();
  }

  /** The resource does not exist. */
  public boolean isNotFound() {
    return httpStatus == 404 || status.equals("NOT_FOUND");
  }

  @Override
  public String toString() {
    return (httpStatus > 0 ? "HTTP " + httpStatus + " " : "") + status + ": " + message;
  }

  private static int httpStatus(ApiException e) {
    Object transport = e.getStatusCode().getTransportCode();
    return transport instanceof Integer i ? i : e.getStatusCode().getCode().getHttpStatusCode();
  }

  private static Optional<JsonObject> body(String content) {
    if (content == null || content.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonElement root = JsonParser.parseString(content);
      if (root.isJsonObject() && root.getAsJsonObject().get("error") instanceof JsonObject error) {
        return Optional.of(error);
      }
    } catch (RuntimeException notJson) {
      // an HTML error page from a proxy: keep the client's status
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value != null && value.isJsonPrimitive()
        ? Optional.of(value.getAsString())
        : Optional.empty();
  }
}
