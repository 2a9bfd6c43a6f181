package com.example.shop;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

public class Greeter {
  public Greeter() {}

  @Function
  @HttpTrigger(path = "/hello", methods = {HttpMethod.GET})
  public String hello(HttpRequest request, Context context) {
    String name = request.queryParam("name").orElse("world");
    context.logger().info("hello " + name);
    if (name.equals("ada")) {
      context.logger().warn("slow greeting");
    }
    return "hi " + name;
  }

  @Function
  @HttpTrigger(path = "/bye", methods = {HttpMethod.GET})
  public String bye(Context context) {
    context.logger().info("bye");
    return "bye";
  }
}
