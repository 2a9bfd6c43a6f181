package com.example.hello;

import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

/** Says hello in JSON. */
public class Hello {
  /** The answer. */
  public record Greeting(String message) {}

  /** {@code GET /hello?name=Ada} answers {@code {"message":"Hello, Ada!"}}. */
  @Function(memoryMb = 256, timeoutSeconds = 5)
  @HttpTrigger(
      path = "/hello",
      methods = {HttpMethod.GET, HttpMethod.POST})
  public Greeting hello(HttpRequest request) {
    return new Greeting("Hello, " + request.queryParam("name").orElse("world") + "!");
  }
}
