package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import java.util.Map;

/** Maps one family of HTTP events to a neutral request, and a neutral response back. */
interface HttpEventMapper {
  /** The request method as the event spells it. */
  String method(JsonObject event);

  /** The neutral request (without path parameters: those come from the function's template). */
  HttpRequest.Builder request(JsonObject event, HttpMethod method);

  /** The path parameters the provider already matched (API Gateway routes), possibly empty. */
  Map<String, String> providerPathParams(JsonObject event);

  /** The response event this family expects. */
  JsonObject response(HttpResponse response, JsonObject event, Logger logger);
}
