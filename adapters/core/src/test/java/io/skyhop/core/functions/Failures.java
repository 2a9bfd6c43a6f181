package io.skyhop.core.functions;

import io.skyhop.api.Function;
import io.skyhop.api.HttpStatusException;
import io.skyhop.api.HttpTrigger;

/** Functions that fail in each way a function can. */
public class Failures {
  @Function(name = "fail-runtime")
  @HttpTrigger(path = "/fail/runtime")
  public String runtime() {
    throw new IllegalStateException("secret database password is hunter2");
  }

  @Function(name = "fail-checked")
  @HttpTrigger(path = "/fail/checked")
  public String checked() throws Exception {
    throw new java.io.IOException("disk on fire");
  }

  @Function(name = "fail-status")
  @HttpTrigger(path = "/fail/status/{status}")
  public String status(io.skyhop.api.HttpRequest request) {
    throw new HttpStatusException(
        Integer.parseInt(request.pathParam("status")), "No such thing: " + request.path());
  }

  @Function(name = "fail-pojo")
  @HttpTrigger(path = "/fail/pojo")
  public String pojo(Item item) {
    return item.name();
  }
}
