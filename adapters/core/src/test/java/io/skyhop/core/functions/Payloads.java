package io.skyhop.core.functions;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.Smoke;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP function per payload kind; each answers with what it received. */
public class Payloads {
  @Function(name = "payload-request")
  @HttpTrigger(path = "/payload/request/{id}")
  public String request(HttpRequest request) {
    return request.method()
        + " "
        + request.path()
        + " id="
        + request.pathParam("id")
        + " q="
        + request.queryParam("q").orElse("-")
        + " h="
        + request.header("x-test").orElse("-")
        + " body="
        + request.bodyAsString()
        + " item="
        + (request.body().length == 0 ? "-" : request.bodyAs(Item.class).name());
  }

  @Function(name = "payload-string")
  @HttpTrigger(path = "/payload/string")
  public String string(String body) {
    return "got " + body;
  }

  @Function(name = "payload-bytes")
  @HttpTrigger(path = "/payload/bytes")
  public String bytes(byte[] body) {
    return body.length + " bytes: " + new String(body, StandardCharsets.ISO_8859_1);
  }

  @Function(name = "payload-pojo")
  @HttpTrigger(path = "/payload/pojo")
  public Item pojo(Item item) {
    return new Item(item.name().toUpperCase(), item.quantity() * 2, item.at());
  }

  @Function(name = "payload-list")
  @HttpTrigger(path = "/payload/list")
  public int list(List<Item> items) {
    int total = 0;
    for (Item item : items) {
      total += item.quantity(); // fails with ClassCastException unless elements are Items
    }
    return total;
  }

  @Function(name = "payload-context-first")
  @HttpTrigger(path = "/payload/context-first", methods = HttpMethod.PUT)
  public String contextFirst(Context context, Item item) {
    return context.functionName() + "/" + context.requestId() + "/" + item.name();
  }

  @Function(name = "payload-context-only", env = "COLOUR=blue")
  @HttpTrigger(path = "/payload/context-only")
  @Smoke(path = "/payload/context-only?probe=1")
  public String contextOnly(Context context) {
    context.logger().info("called by " + context.target());
    return context.env("COLOUR").orElse("none");
  }

  @Function(name = "payload-none")
  @HttpTrigger(path = "/payload/none")
  public String none() {
    return "nothing needed";
  }
}
