package io.skyhop.core.functions;

import io.skyhop.api.Function;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpTrigger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP function per result kind. */
public class Results {
  /** Holds a field Gson cannot write (java.util.Optional's internals are not open). */
  public record Unwritable(Optional<String> value) {}

  @Function(name = "result-nothing")
  @HttpTrigger(path = "/result/void")
  public void nothing() {}

  @Function(name = "result-response")
  @HttpTrigger(path = "/result/response")
  public HttpResponse response() {
    return HttpResponse.status(201)
        .header("Location", "/items/1")
        .header("X-Multi", "a")
        .header("X-Multi", "b")
        .cookie("session=abc; Path=/; HttpOnly")
        .body(new Item("created", 1, null))
        .build();
  }

  @Function(name = "result-response-text")
  @HttpTrigger(path = "/result/response-text")
  public HttpResponse responseText() {
    return HttpResponse.status(202).header("Content-Type", "text/csv").body("a,b\n1,2\n").build();
  }

  @Function(name = "result-response-empty")
  @HttpTrigger(path = "/result/response-empty")
  public HttpResponse responseEmpty() {
    return HttpResponse.status(304).header("ETag", "\"v1\"").build();
  }

  @Function(name = "result-string")
  @HttpTrigger(path = "/result/string")
  public String string() {
    return "héllo";
  }

  @Function(name = "result-bytes")
  @HttpTrigger(path = "/result/bytes")
  public byte[] bytes() {
    return new byte[] {0, 1, 2, (byte) 0xff};
  }

  @Function(name = "result-pojo")
  @HttpTrigger(path = "/result/pojo")
  public Item pojo() {
    return new Item("widget", 3, java.time.Instant.parse("2024-05-01T10:00:00Z"));
  }

  @Function(name = "result-null-pojo")
  @HttpTrigger(path = "/result/null-pojo")
  public Item nullPojo() {
    return null;
  }

  @Function(name = "result-null-string")
  @HttpTrigger(path = "/result/null-string")
  public String nullString() {
    return null;
  }

  @Function(name = "result-unwritable")
  @HttpTrigger(path = "/result/unwritable")
  public Unwritable unwritable() {
    return new Unwritable(Optional.of("x"));
  }

  @Function(name = "result-html")
  @HttpTrigger(path = "/result/html")
  public String html() {
    return new String("<b>&</b>".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
