package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written baseline: the JSON hello of examples/hello written straight against Lambda's
 * API, as a careful developer would without Skyhop. It parses the Function URL (payload 2.0) event
 * with Gson, reads {@code name} from the query string, writes the greeting as JSON into a payload
 * 2.0 response.
 */
public class HelloHandler implements RequestStreamHandler {
  /** The answer. */
  public record Greeting(String message) {}

  private final Gson gson = new Gson();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonObject event =
        JsonParser.parseString(new String(input.readAllBytes(), StandardCharsets.UTF_8))
            .getAsJsonObject();
    String name = "world";
    if (event.has("rawQueryString")) {
      for (String pair : event.get("rawQueryString").getAsString().split("&")) {
        if (pair.startsWith("name=")) {
          name = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
          break;
        }
      }
    }
    JsonObject headers = new JsonObject();
    headers.addProperty("Content-Type", "application/json");
    JsonObject response = new JsonObject();
    response.addProperty("statusCode", 200);
    response.add("headers", headers);
    response.addProperty("body", gson.toJson(new Greeting("Hello, " + name + "!")));
    response.addProperty("isBase64Encoded", false);
    output.write(gson.toJson(response).getBytes(StandardCharsets.UTF_8));
  }
}
