package io.skyhop.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Calls {@link SkyhopHandler} as the Lambda runtime does: bytes in, bytes out. */
final class Invoker {
  final FakeLambdaContext context = new FakeLambdaContext("req-1", 2500);
  private final SkyhopHandler handler;

  Invoker(String function) {
    handler =
        new SkyhopHandler(Map.of("SKYHOP_FUNCTION", function), Invoker.class.getClassLoader());
  }

  String invoke(String payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
    return out.toString(StandardCharsets.UTF_8);
  }

  JsonObject invokeEvent(String fixture) throws IOException {
    return JsonParser.parseString(invoke(fixture(fixture))).getAsJsonObject();
  }

  static String fixture(String name) {
    try (InputStream in = Invoker.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
