package io.skyhop.tooling.logs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * CloudWatch Logs through the AWS SDK: {@code FilterLogEvents} on each function's log group {@code
 * /aws/lambda/<physical name>}, every page. Lambda's JSON log format gives each application line
 * its {@code level} and {@code AWSRequestId}; in the text format a line takes the request id of the
 * {@code START} line before it in its log stream and its level from a leading {@code INFO}/{@code
 * WARN}/{@code ERROR}. Platform lines ({@code START}, {@code END}, {@code REPORT}, {@code
 * platform.*}) are not printed; they count the invocations a silent window saw. The message filter
 * is applied here, not as a CloudWatch filter pattern (whose terms are case-sensitive), so it means
 * the same on every target. A follow polls {@code FilterLogEvents}: {@code StartLiveTail} streams
 * over HTTP/2 event streams, which only the SDK's async client speaks and a WireMock stub cannot
 * answer, so polling keeps one tested path.
 */
final class CloudWatchLogs implements LogSource {
  private static final Pattern START = Pattern.compile("START RequestId: (\\S+).*", Pattern.DOTALL);
  private static final Pattern PLATFORM =
      Pattern.compile("(START|END|REPORT|INIT_START|INIT_REPORT) .*", Pattern.DOTALL);
  private static final Pattern LEVEL =
      Pattern.compile("(DEBUG|INFO|WARN|ERROR) (.*)", Pattern.DOTALL);

  private final CloudWatchLogsClient client;
  private final UnaryOperator<String> physicalName;
  private final String region;
  private final Map<String, String> streamRequest = new HashMap<>();
  private final Set<String> missingGroups = new HashSet<>();
  private int invocations;

  /**
   * @param physicalName a Skyhop function's Lambda name
   * @param region the region, for the permission a refusal names
   */
  CloudWatchLogs(CloudWatchLogsClient client, UnaryOperator<String> physicalName, String region) {
    this.client = client;
    this.physicalName = physicalName;
    this.region = region;
  }

  static String group(String lambdaName) {
    return "/aws/lambda/" + lambdaName;
  }

  @Override
  public List<LogRecord> read(LogQuery query) {
    List<LogRecord> records = new ArrayList<>();
    invocations = 0;
    missingGroups.clear();
    for (String function : query.functions()) {
      String group = group(physicalName.apply(function));
      String token = null;
      do {
        FilterLogEventsResponse page;
        try {
          String next = token;
          page =
              client.filterLogEvents(
                  b ->
                      b.logGroupName(group)
                          .startTime(query.since().toEpochMilli())
                          .nextToken(next));
        } catch (ResourceNotFoundException e) {
          missingGroups.add(group);
          break;
        } catch (CloudWatchLogsException e) {
          throw refused(group, e);
        }
        for (FilteredLogEvent event : page.events()) {
          record(function, event).ifPresent(records::add);
        }
        token = page.nextToken();
      } while (token != null);
    }
    return records;
  }

  private Optional<LogRecord> record(String function, FilteredLogEvent event) {
    Instant time = Instant.ofEpochMilli(event.timestamp());
    String message = event.message();
    Optional<JsonObject> json = json(message);
    if (json.isPresent()) {
      JsonObject o = json.get();
      if (o.has("type") && o.has("record")) { // platform.start, platform.report…
        if ("platform.start".equals(text(o, "type"))) {
          invocations++;
        }
        return Optional.empty();
      }
      if (o.has("level") && o.has("message")) {
        String id = text(o, "AWSRequestId");
        return Optional.of(
            new LogRecord(
                time,
                function,
                id == null ? text(o, "requestId") : id,
                Levels.of(text(o, "level")),
                text(o, "message"),
                event.eventId()));
      }
    }
    Matcher start = START.matcher(message);
    if (start.matches()) {
      streamRequest.put(event.logStreamName(), start.group(1));
      invocations++;
      return Optional.empty();
    }
    if (PLATFORM.matcher(message).matches()) {
      return Optional.empty();
    }
    Matcher level = LEVEL.matcher(message);
    boolean leveled = level.matches();
    return Optional.of(
        new LogRecord(
            time,
            function,
            streamRequest.get(event.logStreamName()),
            leveled ? level.group(1) : "INFO",
            leveled ? level.group(2) : message,
            event.eventId()));
  }

  private LogsException refused(String group, CloudWatchLogsException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    String why = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    if ("AccessDeniedException".equals(code) || e.statusCode() == 403) {
      return new LogsException(
          403,
          "CloudWatch Logs refused FilterLogEvents on "
              + group
              + " ("
              + code
              + ": "
              + why
              + "). Fix: grant the identity running Maven logs:FilterLogEvents on"
              + " arn:aws:logs:"
              + region
              + ":<account>:log-group:/aws/lambda/*",
          e);
    }
    return new LogsException(
        e.statusCode(),
        "CloudWatch Logs FilterLogEvents on " + group + " failed (" + code + ": " + why + ")",
        e);
  }

  @Override
  public String silence(LogQuery query) {
    if (missingGroups.size() == query.functions().size()) {
      return "no log group "
          + String.join(", ", missingGroups)
          + " exists: the function has not run since it was deployed (Lambda creates the group"
          + " at the first invocation), or it is not deployed in "
          + region;
    }
    if (invocations > 0) {
      return invocations + " invocation(s) in that window, none of which logged a matching line";
    }
    return "no invocations in that window, or CloudWatch Logs has not delivered their lines yet"
        + " (it takes a few seconds; try again or use -Dskyhop.follow=true)";
  }

  @Override
  public String followedBy() {
    return "polls CloudWatch Logs FilterLogEvents";
  }

  @Override
  public void close() {
    client.close();
  }

  private static Optional<JsonObject> json(String message) {
    String trimmed = message.strip();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonElement e = JsonParser.parseString(trimmed);
      return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull()
        ? null
        : e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }
}
