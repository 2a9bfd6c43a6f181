package io.skyhop.tooling.lab;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the lab sends each function: the same request or event on every target, in the target's own
 * event shape (the templates under {@code io/skyhop/tooling/lab/events/}). HTTP functions get their
 * first method on their path with every parameter set to {@code lab-1}; functions that take a body
 * (POST, PUT, PATCH, queue messages) get the user's sample payload when one is given, else {@code
 * {}}; storage functions get a created object {@code lab/sample.txt} of 11 bytes.
 */
public final class Samples {
  /** The key of the object storage functions are told about. */
  public static final String STORAGE_KEY = "lab/sample.txt";

  /** The content of that object. */
  public static final byte[] STORAGE_CONTENT = "hello, lab\n".getBytes(StandardCharsets.UTF_8);

  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Map<String, byte[]> payloads;

  /**
   * Samples using {@code payloads} (function name to body) where given.
   *
   * @param payloads sample bodies by function name
   */
  public Samples(Map<String, byte[]> payloads) {
    this.payloads = Map.copyOf(payloads);
  }

  /** The HTTP method sent to an HTTP function (schedules run on POST, as schedulers call them). */
  public String method(LabFunction f) {
    if (!"http".equals(f.triggerType())) {
      return "POST";
    }
    List<String> methods = f.methods();
    return methods.isEmpty() ? "GET" : methods.get(0);
  }

  /** The function's path with every {@code {parameter}} set to {@code lab-1}. */
  public String path(LabFunction f) {
    String template = f.path();
    if (template.isEmpty()) {
      return "/";
    }
    return template.replaceAll("\\{[^}]*}", "lab-1");
  }

  /** The body sent: the sample payload, {@code {}} where a body is expected, else nothing. */
  public byte[] body(LabFunction f) {
    byte[] given = payloads.get(f.name());
    if (given != null) {
      return given.clone();
    }
    boolean takesBody =
        "queue".equals(f.triggerType())
            || ("http".equals(f.triggerType()) && BODY_METHODS.contains(method(f)));
    return takesBody ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
  }

  /** The values an event template is filled with, for one invocation. */
  public Map<String, String> values(LabFunction f) {
    Instant now = Instant.now();
    byte[] body = body(f);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("app", f.app());
    values.put("function", f.name());
    values.put("requestId", UUID.randomUUID().toString());
    values.put("method", method(f));
    values.put("path", path(f));
    values.put("body", new String(body, StandardCharsets.UTF_8));
    values.put("base64Body", Base64.getEncoder().encodeToString(body));
    values.put("epochMillis", Long.toString(now.toEpochMilli()));
    values.put("isoTime", now.toString());
    values.put("clfTime", CLF.format(now));
    values.put("queue", f.queue());
    values.put("bucket", f.bucket());
    values.put("key", STORAGE_KEY);
    values.put("size", Integer.toString(STORAGE_CONTENT.length));
    values.put("etag", "5d41402abc4b2a76b9719d911017c592");
    return values;
  }

  /**
   * An event template with its {@code ${name}} placeholders replaced by JSON-escaped values.
   *
   * @param name the template's file name under {@code io/skyhop/tooling/lab/events/}
   */
  public static String render(String name, Map<String, String> values) {
    String text = template(name);
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("${" + e.getKey() + "}", escape(e.getValue()));
    }
    if (text.contains("${")) {
      throw new IllegalStateException("Event template " + name + " has an unfilled placeholder");
    }
    return text;
  }

  private static String template(String name) {
    String resource = "/io/skyhop/tooling/lab/events/" + name;
    try (InputStream in = Samples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing event template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value as the inside of a JSON string, escaped by Gson. */
  private static String escape(String value) {
    String quoted = new JsonPrimitive(value).toString();
    return quoted.substring(1, quoted.length() - 1);
  }
}
