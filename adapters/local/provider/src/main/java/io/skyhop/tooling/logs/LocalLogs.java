package io.skyhop.tooling.logs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-house runtime's log API, {@code GET /_skyhop/apps/<app>/logs} with the admin token: what
 * the app's functions wrote with {@code Context.logger()} (level and request id) or printed to
 * stderr. A follow continues after the last byte read (the answer's {@code next}).
 */
final class LocalLogs implements LogSource {
  private final LocalRuntimeClient client;
  private final String app;
  private long after;

  /**
   * @param app the app's name on the runtime (with its stage)
   */
  LocalLogs(LocalRuntimeClient client, String app) {
    this.client = client;
    this.app = app;
  }

  @Override
  public List<LogRecord> read(LogQuery query) {
    List<LogRecord> records = new ArrayList<>();
    while (true) {
      JsonObject page =
          client.adminGet(
              "/_skyhop/apps/"
                  + encode(app)
                  + "/logs?since="
                  + query.since().toEpochMilli()
                  + "&after="
                  + after
                  + "&function="
                  + encode(String.join(",", query.functions())));
      int count = 0;
      for (JsonElement e : page.getAsJsonArray("entries")) {
        JsonObject o = e.getAsJsonObject();
        count++;
        records.add(
            new LogRecord(
                Instant.parse(o.get("time").getAsString()),
                o.get("function").getAsString(),
                o.get("requestId").getAsString(),
                Levels.of(o.get("level").getAsString()),
                o.get("message").getAsString(),
                after + ":" + count));
      }
      long next = page.get("next").getAsLong();
      boolean more = next != after; // a page ends at 1,000 entries or 64 MB read
      after = next;
      if (!more) {
        return records;
      }
    }
  }

  @Override
  public String silence(LogQuery query) {
    if (client.app(app).isEmpty()) {
      return "app '" + app + "' is not deployed on " + client.baseUrl() + ". Fix: mvn deploy";
    }
    int invocations = 0;
    for (String function : query.functions()) {
      JsonObject recent =
          client.adminGet(
              "/_skyhop/invocations?limit=1000&app="
                  + encode(app)
                  + "&function="
                  + encode(function));
      for (JsonElement e : recent.getAsJsonArray("invocations")) {
        if (!Instant.parse(e.getAsJsonObject().get("start").getAsString())
            .isBefore(query.since())) {
          invocations++;
        }
      }
    }
    return invocations == 0
        ? "no invocations in that window"
        : invocations + " invocation(s) in that window, none of which logged a matching line";
  }

  @Override
  public String followedBy() {
    return "reads " + client.baseUrl() + "/_skyhop/apps/" + app + "/logs as lines are written";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
