package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.reflect.TypeToken;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.test.library.Book;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP calls are routed and answered as a target's front door would. */
class SkyhopHttpTest {
  private final Skyhop skyhop = Skyhop.load();

  @Test
  void getRoutesByPathTemplateAndAnswersJson() {
    HttpResponse response = skyhop.get("/books/111");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.bodyAsString())
        .isEqualTo("{\"isbn\":\"111\",\"title\":\"Dune\",\"copies\":2}");
    assertThat(skyhop.read(response, Book.class)).isEqualTo(new Book("111", "Dune", 2));
  }

  @Test
  void theContextCarriesTheFunctionsFixedEnvironment() {
    skyhop.get("/books/111");

    assertThat(skyhop.logs()).containsExactly("INFO Welcome 111");
  }

  @Test
  void postSendsJsonToAPojoParameter() {
    HttpResponse response = skyhop.post("/books", skyhop.json(new Book("9", "Ulysses", 3)));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).contains("/books/9");
    assertThat(skyhop.read(skyhop.get("/books/9"), Book.class).title()).isEqualTo("Ulysses");
  }

  @Test
  void aLiteralPathWinsOverATemplateAndQueryStringsAreDecoded() {
    skyhop.post("/books", "{\"isbn\":\"5\",\"title\":\"Dune Messiah\",\"copies\":1}");

    HttpResponse response = skyhop.get("/books/search?q=dune&q=mess%69ah");

    @SuppressWarnings("unchecked")
    List<Book> found = (List<Book>) skyhop.read(response, new TypeToken<List<Book>>() {}.getType());
    assertThat(found).containsExactly(new Book("5", "Dune Messiah", 1));
  }

  @Test
  void httpTakesAFullRequest() {
    HttpResponse response =
        skyhop.http(
            HttpRequest.builder(HttpMethod.GET, "/books/search").query("q", "dune").build());

    assertThat(response.bodyAsString())
        .isEqualTo("[{\"isbn\":\"111\",\"title\":\"Dune\",\"copies\":2}]");
  }

  @Test
  void anUnknownPathIs404() {
    HttpResponse response = skyhop.get("/magazines/1");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"No function serves GET /magazines/1\"}");
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() {
    HttpResponse response =
        skyhop.http(HttpRequest.builder(HttpMethod.DELETE, "/books/111").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).contains("GET");
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"DELETE is not allowed on /books/111\"}");
  }

  @Test
  void httpStatusExceptionChoosesTheStatus() {
    HttpResponse response = skyhop.get("/books/999");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"No book 999\",\"requestId\":\"test-1\"}");
  }

  @Test
  void anExceptionIsA500WithTheTraceOnlyInTheLogs() {
    HttpResponse response = skyhop.get("/crash");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"test-1\"}");
    assertThat(skyhop.logs())
        .singleElement()
        .asString()
        .startsWith(
            "ERROR Function 'crash' failed\njava.lang.IllegalStateException: the shelves collapsed\n");
  }

  @Test
  void badJsonIs400() {
    HttpResponse response = skyhop.post("/books", "{\"isbn\": 1,");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString()).startsWith("{\"error\":\"Body is not valid JSON for");
  }

  @Test
  void aQueryStringInTheRequestPathIsRefusedWithTheFix() {
    HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/books/search?q=dune").build();

    assertThatThrownBy(() -> skyhop.http(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The request path '/books/search?q=dune' holds a query string. Fix: add query"
                + " parameters with HttpRequest.builder(...).query(name, value), or call"
                + " get(\"/path?name=value\").");
  }

  @Test
  void aPathWithoutSlashIsRefusedWithTheFix() {
    assertThatThrownBy(() -> skyhop.get("books/1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The path 'books/1' does not start with '/'. Fix: write e.g. \"/orders/42\".");
  }

  @Test
  void logsCanBeCleared() {
    skyhop.get("/books/111");
    skyhop.clearLogs();

    assertThat(skyhop.logs()).isEmpty();
  }

  @Test
  void noIndexOnTheClassPathIsExplained() throws Exception {
    try (java.net.URLClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null)) {
      assertThatThrownBy(() -> Skyhop.load(empty))
          .isInstanceOf(io.skyhop.core.IndexException.class)
          .hasMessageStartingWith(
              "No Skyhop functions found: META-INF/skyhop/functions.json is not on the class"
                  + " path.");
    }
  }
}
