package io.skyhop.tooling.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the JSON form of a {@link PriceTable} with Gson, checking every field on the way. */
final class PriceTableReader {

  /** The version of the file format this reader understands. */
  static final int SCHEMA = 1;

  private static final String START_FROM =
      "; the built-in table prices-2026-11.json shows every field";

  private PriceTableReader() {}

  /** Reads {@code json}, naming {@code file} in every error. */
  static PriceTable read(String json, String file) {
    JsonElement document;
    try {
      document = parseStrictly(json);
    } catch (JsonParseException | IOException notJson) {
      throw new PriceTableException(
          file,
          "$",
          "is not valid JSON (" + rootMessage(notJson) + ")",
          "correct the JSON syntax at that place" + START_FROM,
          notJson);
    }
    if (!document.isJsonObject()) {
      throw new PriceTableException(
          file,
          "$",
          "is not a JSON object",
          "write the table as one JSON object" + START_FROM,
          null);
    }
    JsonFields root = JsonFields.root(file, document.getAsJsonObject());
    long schema = root.count("schema", "set \"schema\": " + SCHEMA);
    if (schema != SCHEMA) {
      throw root.error(
          "schema",
          "is " + schema + ", this Skyhop reads schema " + SCHEMA,
          "convert the file to schema " + SCHEMA + START_FROM);
    }
    String version = root.text("version", "give the table a version, e.g. \"2026.11.1\"");
    LocalDate date = date(root);
    String currency = root.text("currency", "set \"currency\": \"USD\"");
    if (!currency.equals("USD")) {
      throw root.error(
          "currency",
          "is \"" + currency + "\", only USD is supported",
          "convert the prices to USD and set \"currency\": \"USD\"");
    }
    List<String> sources =
        root.textList("sources", "list where the prices come from, as strings (may be [])");
    JsonFields plans =
        root.object("plans", "add an object \"plans\" keyed by plan id" + START_FROM);
    Map<Plan, PlanPrices> prices = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      if (plan.isCloud()) {
        prices.put(plan, plan(plans, plan));
      }
    }
    JsonFields servers =
        root.object("servers", "add an object \"servers\" with \"default\" and \"prices\"");
    Map<String, ServerPrice> serverPrices = servers(servers);
    String defaultServer =
        servers.text("default", "name the server to compare with, e.g. \"t4g.small\"");
    if (!serverPrices.containsKey(defaultServer)) {
      throw servers.error(
          "default",
          "is \"" + defaultServer + "\", which is not under servers.prices",
          "name one of: " + String.join(", ", serverPrices.keySet()));
    }
    return new PriceTable(version, date, currency, sources, prices, serverPrices, defaultServer);
  }

  private static LocalDate date(JsonFields root) {
    String fix = "give the date the prices were gathered as YYYY-MM-DD, e.g. \"2026-11-26\"";
    String text = root.text("date", fix);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      throw root.error("date", "is \"" + text + "\", not a YYYY-MM-DD date", fix);
    }
  }

  private static PlanPrices plan(JsonFields plans, Plan plan) {
    JsonFields p =
        plans.object(plan.id(), "add the prices of plan \"" + plan.id() + "\"" + START_FROM);
    boolean google = plan == Plan.GCP;
    String memoryKey = google ? "gibSecondUsd" : "gbSecondUsd";
    BigDecimal memoryPrice =
        p.amount(memoryKey, "set the price in USD per " + unit(google) + " as a JSON number");
    BigDecimal vcpuPrice =
        google
            ? p.amount("vcpuSecondUsd", "set the price in USD per vCPU-second as a JSON number")
            : BigDecimal.ZERO;
    JsonFields init =
        p.object("billedInit", "add {\"enabled\": true|false, \"capMs\": N} for cold starts");
    return new PlanPrices(
        plan,
        p.optionalText("notes").orElse(""),
        p.amount("requestUsdPerMillion", "set the price of 1M requests in USD as a JSON number"),
        memoryPrice,
        vcpuPrice,
        p.positive(
            "durationRoundingMs", "set the rounding of each invocation's time in ms, e.g. 1"),
        p.whole("minimumDurationMs", "set the least time billed per invocation in ms, e.g. 100"),
        memory(p),
        google ? vcpuTable(p) : new TreeMap<>(),
        init.flag("enabled", "set true when a cold start's initialisation is billed, else false"),
        init.whole("capMs", "set the most initialisation time billed in ms (0 if none)"),
        freeTier(p, google));
  }

  private static String unit(boolean google) {
    return google ? "GiB-second" : "GB-second";
  }

  private static MemoryRule memory(JsonFields p) {
    JsonFields m =
        p.object(
            "memoryMb",
            "add {\"basis\": \"configured\"|\"observed\"|\"instance\", ...}" + START_FROM);
    String basis = m.text("basis", "set \"basis\" to configured, observed or instance");
    switch (basis) {
      case "configured":
      case "observed":
        int min = m.positive("min", "set the least memory in MB, e.g. 128");
        int max = m.positive("max", "set the most memory in MB, at least \"min\"");
        if (max < min) {
          throw m.error("max", "is " + max + ", below min " + min, "set max to at least " + min);
        }
        int increment = m.positive("increment", "set the memory rounding in MB (1 = none)");
        return basis.equals("configured")
            ? MemoryRule.configured(min, max, increment)
            : MemoryRule.observed(min, max, increment);
      case "instance":
        List<Integer> allowed =
            m.positiveList("allowed", "list the instance sizes in MB, e.g. [512, 2048, 4096]");
        int defaultMb = m.positive("default", "set the default instance size in MB, e.g. 2048");
        if (!allowed.contains(defaultMb)) {
          throw m.error(
              "default",
              "is " + defaultMb + ", not one of the allowed sizes " + allowed,
              "set it to one of " + allowed);
        }
        return MemoryRule.instance(defaultMb, allowed);
      default:
        throw m.error(
            "basis",
            "is \"" + basis + "\", not configured, observed or instance",
            "set \"basis\" to configured, observed or instance");
    }
  }

  private static TreeMap<Integer, BigDecimal> vcpuTable(JsonFields p) {
    String fix = "map memory in MiB to vCPUs, e.g. {\"512\": 0.333, \"1024\": 0.583}";
    JsonFields table = p.object("vcpuByMemoryMib", fix);
    TreeMap<Integer, BigDecimal> vcpus = new TreeMap<>();
    for (String key : table.keys()) {
      int memory;
      try {
        memory = Integer.parseInt(key);
      } catch (NumberFormatException notASize) {
        throw table.error(key, "is not a memory size in MiB", fix);
      }
      vcpus.put(memory, table.amount(key, fix));
    }
    if (vcpus.isEmpty()) {
      throw p.error("vcpuByMemoryMib", "is empty", fix);
    }
    return vcpus;
  }

  private static FreeTier freeTier(JsonFields p, boolean google) {
    JsonFields free = p.object("freeTierPerMonth", "add the monthly free tier (zeros if none)");
    long requests = free.count("requests", "set the free requests per month, 0 if none");
    String memoryKey = google ? "gibSeconds" : "gbSeconds";
    BigDecimal memory =
        free.amount(memoryKey, "set the free " + unit(google) + "s per month, 0 if none");
    BigDecimal vcpu =
        google
            ? free.amount("vcpuSeconds", "set the free vCPU-seconds per month, 0 if none")
            : BigDecimal.ZERO;
    return new FreeTier(requests, memory, vcpu);
  }

  private static Map<String, ServerPrice> servers(JsonFields servers) {
    JsonFields prices =
        servers.object("prices", "add server prices keyed by instance type" + START_FROM);
    Map<String, ServerPrice> result = new LinkedHashMap<>();
    for (String name : prices.keys()) {
      JsonFields s = prices.object(name, "give usdPerHour, usdPerMonth, vcpu and memoryGib");
      result.put(
          name,
          new ServerPrice(
              name,
              s.amount("usdPerHour", "set the on-demand price per hour in USD"),
              s.amount("usdPerMonth", "set the price per month in USD (hourly x 730)"),
              s.positive("vcpu", "set the server's vCPUs"),
              s.amount("memoryGib", "set the server's memory in GiB")));
    }
    if (result.isEmpty()) {
      throw servers.error("prices", "is empty", "add at least one server, e.g. \"t4g.small\"");
    }
    return result;
  }

  private static JsonElement parseStrictly(String json) throws IOException {
    JsonReader reader = new JsonReader(new StringReader(json));
    reader.setStrictness(Strictness.STRICT);
    JsonElement document = JsonParser.parseReader(reader);
    if (reader.peek() != JsonToken.END_DOCUMENT) {
      throw new MalformedJsonException("more text after the end of the table");
    }
    return document;
  }

  /** Gson's message about the syntax error, without its advice to parse leniently. */
  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    return message.replaceFirst("^Use JsonReader\\.setStrictness\\([^)]*\\) to accept ", "");
  }
}
