package com.acme;

import io.skyhop.api.Function;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

public class Greeter {
  @Function
  @HttpTrigger(path = "/hello")
  public String hello(HttpRequest request) {
    return "Hello, " + request.queryParam("name").orElse("world") + "!";
  }
}
