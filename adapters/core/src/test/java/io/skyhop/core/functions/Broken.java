package io.skyhop.core.functions;

import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;

/** Its constructor throws: the first invocation fails like a function that throws. */
public class Broken {
  public Broken() {
    throw new IllegalStateException("cannot connect to the database");
  }

  @Function
  @HttpTrigger(path = "/broken")
  public String broken() {
    return "never";
  }
}
