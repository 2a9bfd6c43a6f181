package io.skyhop.runtime.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.skyhop.runtime.meter.RuntimeLog;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /_skyhop/apps/<app>/logs?since=<epoch ms>&function=<a,b>&after=<offset>&limit=<n>}:
 * what the app's functions logged, read from the runtime log ({@code <data>/logs/runtime.log}), in
 * order: lines written with {@code Context.logger()} (with the request id and level) and lines a
 * worker printed to stderr (level {@code INFO}, no request id). {@code after} is the {@code next}
 * of an earlier answer, so a follower reads each line once; a line still being written is left for
 * the next call. Whether the functions were invoked at all is {@code /_skyhop/invocations}' answer.
 */
final class LogsApi {
  /** The most entries one answer holds; {@code next} continues after the last. */
  static final int MAX_LIMIT = 5000;

  /** The most bytes one answer reads from the log. */
  private static final long MAX_SCAN_BYTES = 64L << 20;

  private final Path file;
  private final RuntimeLog log;

  LogsApi(RuntimeLog log) {
    this.file = log.path();
    this.log = log;
  }

  void handle(HttpExchange exchange, String method, String app) throws IOException {
    if (!method.equals("GET")) {
      Exchanges.error(exchange, 405, "Use GET /_skyhop/apps/<app>/logs", null);
      return;
    }
    Map<String, List<String>> query = Exchanges.query(exchange.getRequestURI().getRawQuery());
    long since;
    long after;
    int limit;
    try {
      since = Long.parseLong(first(query, "since", "0"));
      after = Long.parseLong(first(query, "after", "0"));
      limit = Math.min(MAX_LIMIT, Integer.parseInt(first(query, "limit", "1000")));
    } catch (NumberFormatException e) {
      Exchanges.error(
          exchange,
          400,
          "since, after and limit are numbers (since: epoch milliseconds; after: the 'next' of an"
              + " earlier answer)",
          null);
      return;
    }
    Set<String> functions =
        Set.copyOf(
            List.of(first(query, "function", "").split(",")).stream()
                .filter(s -> !s.isBlank())
                .toList());
    Exchanges.json(exchange, 200, read(app, functions, since, after, limit));
  }

  private Map<String, Object> read(
      String app, Set<String> functions, long since, long after, int limit) throws IOException {
    log.flush(); // what was logged before this request is in the file
    List<Map<String, Object>> entries = new ArrayList<>();
    long next = after;
    if (Files.exists(file)) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        long length = channel.size();
        long position = after > length ? 0 : after; // a shorter file was replaced: start over
        long end = Math.min(length, position + MAX_SCAN_BYTES);
        channel.position(position);
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 65536);
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        long offset = position;
        next = position;
        int b;
        while (entries.size() < limit && offset < end && (b = in.read()) >= 0) {
          offset++;
          if (b != '\n') {
            line.write(b);
            continue;
          }
          next = offset;
          entry(line.toString(StandardCharsets.UTF_8))
              .filter(e -> app.equals(e.get("app")))
              .filter(e -> functions.isEmpty() || functions.contains(e.get("function")))
              .filter(e -> ((Instant) e.get("instant")).toEpochMilli() >= since)
              .ifPresent(
                  e -> {
                    e.remove("app");
                    e.remove("instant");
                    entries.add(e);
                  });
          line.reset();
        }
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app", app);
    body.put("entries", entries);
    body.put("next", next);
    return body;
  }

  /** A function's line of the runtime log, in the shape this API answers; empty for others. */
  private static Optional<Map<String, Object>> entry(String line) {
    try {
      JsonElement parsed = JsonParser.parseString(line);
      if (!parsed.isJsonObject()) {
        return Optional.empty();
      }
      JsonObject o = parsed.getAsJsonObject();
      String source = text(o, "source");
      if (!"function".equals(source) && !"stderr".equals(source)) {
        return Optional.empty();
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("app", text(o, "app"));
      e.put("instant", Instant.parse(text(o, "time")));
      e.put("time", text(o, "time"));
      e.put("function", text(o, "function"));
      e.put("requestId", text(o, "requestId"));
      e.put("level", text(o, "level"));
      e.put("message", text(o, "message"));
      e.put("instance", text(o, "instance"));
      return Optional.of(e);
    } catch (JsonParseException | IllegalStateException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  private static String first(Map<String, List<String>> query, String name, String otherwise) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? otherwise : values.get(0);
  }
}
