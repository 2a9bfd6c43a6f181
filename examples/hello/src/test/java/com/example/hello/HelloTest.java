package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import org.junit.jupiter.api.Test;

/** Calls the hello function as a target would, with the Skyhop test kit. */
@SkyhopTest
class HelloTest {
  @Test
  void greetsByName(Skyhop skyhop) {
    HttpResponse response = skyhop.get("/hello?name=Ada");

    assertEquals(200, response.status());
    assertEquals("application/json", response.header("Content-Type").orElseThrow());
    assertEquals("{\"message\":\"Hello, Ada!\"}", response.bodyAsString());
  }

  @Test
  void greetsTheWorldByDefault(Skyhop skyhop) {
    Hello.Greeting greeting = skyhop.read(skyhop.post("/hello", ""), Hello.Greeting.class);

    assertEquals("Hello, world!", greeting.message());
  }

  @Test
  void answersOnlyGetAndPost(Skyhop skyhop) {
    HttpResponse response = skyhop.http(HttpRequest.builder(HttpMethod.DELETE, "/hello").build());

    assertEquals(405, response.status());
    assertEquals("GET, POST", response.header("Allow").orElseThrow());
  }
}
