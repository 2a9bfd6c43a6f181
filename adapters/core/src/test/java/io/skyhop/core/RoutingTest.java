package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests reach functions by method and path template; 404 and 405 otherwise. */
class RoutingTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

  private FunctionRuntime.Route.Found found(HttpMethod method, String path) {
    FunctionRuntime.Route route = runtime.route(method, path);
    assertThat(route).as(method + " " + path).isInstanceOf(FunctionRuntime.Route.Found.class);
    return (FunctionRuntime.Route.Found) route;
  }

  @Test
  void aLiteralPathBeatsATemplateThatAlsoMatches() {
    FunctionRuntime.Route.Found route = found(HttpMethod.GET, "/shop/special");

    assertThat(route.function().name()).isEqualTo("special");
    assertThat(route.pathParams()).isEmpty();
  }

  @Test
  void aTemplateExtractsDecodedParameters() {
    FunctionRuntime.Route.Found route = found(HttpMethod.GET, "/shop/blue%20hat");

    assertThat(route.function().name()).isEqualTo("by-id");
    assertThat(route.pathParams()).isEqualTo(Map.of("id", "blue hat"));
  }

  @Test
  void theMethodChoosesBetweenFunctionsOnTheSamePath() {
    assertThat(found(HttpMethod.PUT, "/shop/7").function().name()).isEqualTo("update");
    assertThat(found(HttpMethod.PATCH, "/shop/7").function().name()).isEqualTo("update");
    assertThat(found(HttpMethod.GET, "/shop/7").function().name()).isEqualTo("by-id");
  }

  @Test
  void aMethodTheLiteralPathLacksFallsToTheTemplate() {
    FunctionRuntime.Route.Found route = found(HttpMethod.PUT, "/shop/special");

    assertThat(route.function().name()).isEqualTo("update");
    assertThat(route.pathParams()).isEqualTo(Map.of("id", "special"));
  }

  @Test
  void multipleParameters() {
    FunctionRuntime.Route.Found route = found(HttpMethod.DELETE, "/shop/1/lines/2");

    assertThat(route.function().name()).isEqualTo("line");
    assertThat(route.pathParams()).isEqualTo(Map.of("id", "1", "line", "2"));
  }

  @Test
  void anEarlierLiteralWinsWhenLiteralCountsTie() {
    assertThat(found(HttpMethod.GET, "/a/b/c").function().name()).isEqualTo("early-literal");
    assertThat(found(HttpMethod.GET, "/a/z/c").function().name()).isEqualTo("middle-literal");
    assertThat(found(HttpMethod.GET, "/a/b/z").function().name()).isEqualTo("early-literal");
  }

  @Test
  void root() {
    assertThat(found(HttpMethod.GET, "/").function().name()).isEqualTo("root");
  }

  @Test
  void noMatchingPathIsNotFound() {
    assertThat(runtime.route(HttpMethod.GET, "/nowhere"))
        .isEqualTo(new FunctionRuntime.Route.NotFound());
    assertThat(runtime.route(HttpMethod.GET, "/shop/1/lines"))
        .isInstanceOf(FunctionRuntime.Route.NotFound.class);
    assertThat(runtime.route(HttpMethod.GET, "/shop/%zz/lines/1"))
        .isInstanceOf(FunctionRuntime.Route.NotFound.class);
  }

  @Test
  void aMatchingPathWithoutTheMethodListsTheAllowedMethodsOnce() {
    assertThat(runtime.route(HttpMethod.DELETE, "/shop/special"))
        .isEqualTo(
            new FunctionRuntime.Route.MethodNotAllowed(
                java.util.List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH)));
    assertThat(runtime.route(HttpMethod.POST, "/shop/1/lines/2"))
        .isEqualTo(
            new FunctionRuntime.Route.MethodNotAllowed(
                java.util.List.of(HttpMethod.GET, HttpMethod.DELETE)));
  }

  @Test
  void theRoutedParametersReachTheFunction() {
    FunctionRuntime.Route.Found route = found(HttpMethod.GET, "/shop/9/lines/3");
    HttpRequest request =
        HttpRequest.builder(HttpMethod.GET, "/shop/9/lines/3")
            .pathParams(route.pathParams())
            .build();

    HttpResponse response =
        route.function().invokeHttp(request, new TestContexts().forFunction("line"));

    assertThat(response.bodyAsString()).isEqualTo("line 9/3");
  }
}
