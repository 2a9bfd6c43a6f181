package io.skyhop.tooling.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: per target and function {@code coldStartMs} {p50, p90, max, samples}, {@code
 * warmMs} {p50, p99, samples}, {@code memoryMb}, {@code billedMs}, {@code costUsd} {perMillion,
 * monthly}, the price table's version and date, and the {@code source} of the figures ({@code
 * measured-locally}, {@code provider}, or {@code what-if}).
 */
public final class JsonReport {
  /** The version of this file's layout. */
  public static final int SCHEMA = 1;

  private JsonReport() {}

  /** The document. */
  public static String render(Report report) {
    Marks marks = new Marks(report.results());
    JsonObject root = new JsonObject();
    root.addProperty("schema", SCHEMA);
    root.addProperty("app", report.app());
    root.addProperty("generatedAt", report.generatedAt().toString());
    root.addProperty("mode", report.mode());
    root.addProperty("machine", report.machine());
    root.add("settings", map(report.settings()));
    root.add("prices", prices(report));
    JsonObject server = new JsonObject();
    server.addProperty("type", report.server());
    server.addProperty("usdPerMonth", report.serverUsdPerMonth());
    root.add("server", server);
    JsonArray results = new JsonArray();
    for (Result r : report.results()) {
      results.add(result(r, marks));
    }
    root.add("results", results);
    root.add("tracing", TracingSection.json(report));
    root.add("notes", strings(report.notes()));
    return new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create()
            .toJson(root)
        + "\n";
  }

  private static JsonObject result(Result r, Marks marks) {
    JsonObject o = new JsonObject();
    o.addProperty("target", r.target());
    o.addProperty("label", r.label());
    o.addProperty("function", r.function());
    o.addProperty("trigger", r.trigger());
    o.addProperty("source", r.source().id());
    o.add(
        "coldStartMs",
        r.coldStartMs().<JsonElement>map(JsonReport::cold).orElse(JsonNull.INSTANCE));
    r.initMs().ifPresent(i -> o.add("initMs", cold(i)));
    o.add("warmMs", r.warmMs().<JsonElement>map(JsonReport::warm).orElse(JsonNull.INSTANCE));
    if (r.handlerMs().isPresent()) {
      o.addProperty("handlerMs", Format.round1(r.handlerMs().getAsDouble()));
    }
    o.addProperty("memoryMb", r.memoryMb());
    if (r.peakMemoryMb().isPresent()) {
      o.addProperty("peakMemoryMb", r.peakMemoryMb().getAsInt());
    }
    o.addProperty("plan", r.cost().plan());
    o.addProperty("billedMs", r.cost().billedMs());
    o.addProperty("coldBilledMs", r.cost().coldBilledMs());
    o.add("costUsd", cost(r.cost()));
    if (r.cost().breakEvenInvocations().isPresent()) {
      o.addProperty("breakEvenInvocationsPerMonth", r.cost().breakEvenInvocations().getAsLong());
    }
    JsonArray others = new JsonArray();
    for (PlanCost p : r.otherPlans()) {
      JsonObject other = new JsonObject();
      other.addProperty("plan", p.plan());
      other.addProperty("billedMs", p.billedMs());
      other.add("costUsd", cost(p));
      others.add(other);
    }
    o.add("otherPlans", others);
    JsonObject prices = new JsonObject();
    prices.addProperty("version", r.prices().version());
    prices.addProperty("date", r.prices().date().toString());
    o.add("prices", prices);
    o.addProperty("cheapest", marks.cheapest(r));
    o.addProperty("fastest", marks.fastest(r));
    o.add("notes", strings(r.notes()));
    return o;
  }

  static JsonObject cold(ColdStats s) {
    JsonObject o = new JsonObject();
    o.addProperty("p50", Format.round1(s.p50()));
    o.addProperty("p90", Format.round1(s.p90()));
    o.addProperty("max", Format.round1(s.max()));
    o.addProperty("samples", s.samples());
    return o;
  }

  private static JsonObject warm(WarmStats s) {
    JsonObject o = new JsonObject();
    o.addProperty("p50", Format.round1(s.p50()));
    o.addProperty("p99", Format.round1(s.p99()));
    o.addProperty("samples", s.samples());
    return o;
  }

  private static JsonObject cost(PlanCost p) {
    JsonObject o = new JsonObject();
    o.addProperty("perMillion", Format.usd6(p.perMillionUsd()));
    o.addProperty("monthly", Format.usd6(p.monthlyUsd()));
    return o;
  }

  private static JsonObject prices(Report report) {
    JsonObject o = new JsonObject();
    o.addProperty("version", report.prices().version());
    o.addProperty("date", report.prices().date().toString());
    return o;
  }

  private static JsonObject map(Map<String, Object> values) {
    return new GsonBuilder().create().toJsonTree(values).getAsJsonObject();
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
