package bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.gson.Gson;
import java.io.Writer;

/**
 * The hand-written baseline: the same JSON work as examples/hello ({@code GET /hello?name=Ada}
 * answers {@code {"message":"Hello, Ada!"}}), straight on the Functions Framework with Gson.
 */
public class HelloFunction implements HttpFunction {
  private static final Gson GSON = new Gson();

  /** The answer. */
  public record Greeting(String message) {}

  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    String name = request.getFirstQueryParameter("name").orElse("world");
    response.setContentType("application/json");
    try (Writer out = response.getWriter()) {
      out.write(GSON.toJson(new Greeting("Hello, " + name + "!")));
    }
  }
}
