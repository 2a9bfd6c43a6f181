package io.skyhop.core.functions;

import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

/** Overlapping path templates, to show routing by specificity, method and path. */
public class Routes {
  @Function
  @HttpTrigger(path = "/shop/{id}", methods = HttpMethod.GET)
  public String byId(HttpRequest request) {
    return "by-id " + request.pathParam("id");
  }

  @Function
  @HttpTrigger(path = "/shop/special", methods = HttpMethod.GET)
  public String special() {
    return "special";
  }

  @Function
  @HttpTrigger(
      path = "/shop/{id}/lines/{line}",
      methods = {HttpMethod.GET, HttpMethod.DELETE})
  public String line(HttpRequest request) {
    return "line " + request.pathParam("id") + "/" + request.pathParam("line");
  }

  @Function
  @HttpTrigger(
      path = "/shop/{id}",
      methods = {HttpMethod.PUT, HttpMethod.PATCH})
  public String update(HttpRequest request) {
    return "update " + request.pathParam("id");
  }

  @Function
  @HttpTrigger(path = "/a/{x}/c", methods = HttpMethod.GET)
  public String middleLiteral(HttpRequest request) {
    return "a-x-c " + request.pathParam("x");
  }

  @Function
  @HttpTrigger(path = "/a/b/{y}", methods = HttpMethod.GET)
  public String earlyLiteral(HttpRequest request) {
    return "a-b-y " + request.pathParam("y");
  }

  @Function
  @HttpTrigger(path = "/", methods = HttpMethod.GET)
  public String root() {
    return "root";
  }
}
