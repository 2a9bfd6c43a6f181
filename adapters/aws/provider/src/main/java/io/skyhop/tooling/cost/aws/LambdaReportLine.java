package io.skyhop.tooling.cost.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Lambda's per-invocation report: the text {@code REPORT RequestId: … Duration: … ms Billed
 * Duration: … ms Memory Size: … MB Max Memory Used: … MB [Init Duration: … ms | Restore Duration: …
 * ms Billed Restore Duration: … ms]} line, or the JSON log format's {@code platform.report} event;
 * alone, inside a log, or inside the base64 {@code X-Amz-Log-Result} header that {@code Invoke}
 * with {@code LogType=Tail} returns.
 */
public final class LambdaReportLine {

  private static final String TEXT_START = "REPORT RequestId:";
  private static final String JSON_TYPE = "platform.report";
  private static final String NUMBER = "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*";

  private static final Pattern REQUEST_ID = Pattern.compile("RequestId:\\s*(\\S+)");
  private static final Pattern DURATION =
      Pattern.compile("(?<!Billed |Init |Restore )Duration:" + NUMBER + "ms");
  private static final Pattern BILLED = Pattern.compile("Billed Duration:" + NUMBER + "ms");
  private static final Pattern MEMORY = Pattern.compile("Memory Size:" + NUMBER + "MB");
  private static final Pattern MAX_MEMORY = Pattern.compile("Max Memory Used:" + NUMBER + "MB");
  private static final Pattern INIT = Pattern.compile("Init Duration:" + NUMBER + "ms");
  private static final Pattern RESTORE =
      Pattern.compile("(?<!Billed )Restore Duration:" + NUMBER + "ms");
  private static final Pattern BILLED_RESTORE =
      Pattern.compile("Billed Restore Duration:" + NUMBER + "ms");
  private static final Pattern STATUS = Pattern.compile("(?<![A-Za-z])Status:\\s*([A-Za-z.]+)");

  private LambdaReportLine() {}

  /**
   * The report in one log line, text or JSON.
   *
   * @return empty when the line is not a report
   * @throws IllegalArgumentException when the line is a report that lacks a required figure
   */
  public static Optional<LambdaReport> parse(String line) {
    int text = line.indexOf(TEXT_START);
    if (text >= 0) {
      return Optional.of(parseText(line.substring(text).strip()));
    }
    if (line.contains(JSON_TYPE)) {
      return parseJson(line);
    }
    return Optional.empty();
  }

  /** The last report in a log of several lines (the report follows the invocation's output). */
  public static Optional<LambdaReport> findIn(String log) {
    String[] lines = log.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      Optional<LambdaReport> report = parse(lines[i]);
      if (report.isPresent()) {
        return report;
      }
    }
    return Optional.empty();
  }

  /**
   * The last report in the base64 log tail of an {@code Invoke} with {@code LogType=Tail} (the
   * {@code X-Amz-Log-Result} header, or {@code LogResult} of the SDK's response).
   *
   * @throws IllegalArgumentException when the value is not base64
   */
  public static Optional<LambdaReport> fromLogResult(String base64) {
    byte[] log;
    try {
      log = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(
          "X-Amz-Log-Result is not base64: " + notBase64.getMessage(), notBase64);
    }
    return findIn(new String(log, StandardCharsets.UTF_8));
  }

  private static LambdaReport parseText(String line) {
    return new LambdaReport(
        required(REQUEST_ID, line, "RequestId"),
        Double.parseDouble(required(DURATION, line, "Duration")),
        wholeMs(Double.parseDouble(required(BILLED, line, "Billed Duration"))),
        (int) Double.parseDouble(required(MEMORY, line, "Memory Size")),
        (int) Double.parseDouble(required(MAX_MEMORY, line, "Max Memory Used")),
        optionalDouble(INIT, line),
        optionalDouble(RESTORE, line),
        optionalWhole(BILLED_RESTORE, line),
        find(STATUS, line),
        LambdaReport.Format.TEXT);
  }

  private static Optional<LambdaReport> parseJson(String line) {
    for (int start = line.indexOf('{'); start >= 0; start = line.indexOf('{', start + 1)) {
      JsonObject event = jsonObject(line.substring(start));
      if (event != null && isReport(event)) {
        return Optional.of(fromEvent(event, line));
      }
    }
    return Optional.empty();
  }

  private static LambdaReport fromEvent(JsonObject event, String line) {
    JsonObject record = member(event, "record", line);
    JsonObject metrics = member(record, "metrics", line);
    JsonElement requestId = record.get("requestId");
    if (requestId == null || !requestId.isJsonPrimitive()) {
      throw missing("record.requestId", line);
    }
    JsonElement status = record.get("status");
    return new LambdaReport(
        requestId.getAsString(),
        number(metrics, "durationMs", line),
        wholeMs(number(metrics, "billedDurationMs", line)),
        (int) number(metrics, "memorySizeMB", line),
        (int) number(metrics, "maxMemoryUsedMB", line),
        optionalNumber(metrics, "initDurationMs"),
        optionalNumber(metrics, "restoreDurationMs"),
        optionalNumber(metrics, "billedRestoreDurationMs").stream()
            .mapToLong(LambdaReportLine::wholeMs)
            .findFirst(),
        status != null && status.isJsonPrimitive()
            ? Optional.of(status.getAsString())
            : Optional.empty(),
        LambdaReport.Format.JSON);
  }

  private static boolean isReport(JsonObject event) {
    JsonElement type = event.get("type");
    return type != null && type.isJsonPrimitive() && JSON_TYPE.equals(type.getAsString());
  }

  private static JsonObject jsonObject(String text) {
    try {
      JsonElement element = JsonParser.parseString(text);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (JsonParseException notJson) {
      return null;
    }
  }

  private static JsonObject member(JsonObject parent, String name, String line) {
    JsonElement child = parent.get(name);
    if (child == null || !child.isJsonObject()) {
      throw missing(name, line);
    }
    return child.getAsJsonObject();
  }

  private static double number(JsonObject metrics, String name, String line) {
    OptionalDouble value = optionalNumber(metrics, name);
    if (value.isEmpty()) {
      throw missing("record.metrics." + name, line);
    }
    return value.getAsDouble();
  }

  private static OptionalDouble optionalNumber(JsonObject metrics, String name) {
    JsonElement value = metrics.get(name);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
        ? OptionalDouble.of(value.getAsDouble())
        : OptionalDouble.empty();
  }

  private static String required(Pattern pattern, String line, String field) {
    return find(pattern, line).orElseThrow(() -> missing(field, line));
  }

  private static Optional<String> find(Pattern pattern, String line) {
    Matcher matcher = pattern.matcher(line);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static OptionalDouble optionalDouble(Pattern pattern, String line) {
    return find(pattern, line).stream().mapToDouble(Double::parseDouble).findFirst();
  }

  private static OptionalLong optionalWhole(Pattern pattern, String line) {
    return find(pattern, line).stream()
        .mapToLong(text -> wholeMs(Double.parseDouble(text)))
        .findFirst();
  }

  private static long wholeMs(double ms) {
    return (long) Math.ceil(ms);
  }

  private static IllegalArgumentException missing(String field, String line) {
    return new IllegalArgumentException("Lambda report without \"" + field + "\": " + line.strip());
  }
}
