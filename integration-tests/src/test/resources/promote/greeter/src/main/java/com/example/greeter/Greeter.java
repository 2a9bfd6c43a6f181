package com.example.greeter;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;

public class Greeter {
  public Greeter() {}

  /** Answers 500 when packaged with -Dskyhop.env.GREETER_BROKEN=true (a bad release). */
  @Function(env = {"GREETER_BROKEN=false"})
  @HttpTrigger(path = "/hello", methods = {HttpMethod.GET})
  public String hello(Context context) {
    if (context.env("GREETER_BROKEN").orElse("false").equals("true")) {
      throw new IllegalStateException("this release is broken on purpose");
    }
    return "hello";
  }
}
