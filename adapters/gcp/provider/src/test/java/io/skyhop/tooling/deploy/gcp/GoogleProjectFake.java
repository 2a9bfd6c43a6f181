package io.skyhop.tooling.deploy.gcp;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Project {@code demo} (number 123, region europe-west1) as a WireMock extension that remembers
 * what is written, so that a second deploy sees the first one's resources: Cloud Functions v2
 * (operations done at once; the service, URI and Eventarc trigger filled in as Google does), Cloud
 * Scheduler v1 jobs, Pub/Sub v1 topics and subscriptions, Cloud Storage v1 buckets and objects, IAM
 * v1 service accounts, Secret Manager v1 secrets (given by the test, with a version), Eventarc v1
 * triggers, Cloud Resource Manager v1 project, and every IAM policy ({@code :getIamPolicy}/{@code
 * :setIamPolicy}, {@code b/<bucket>/iam}) with etags: a write carrying a stale etag answers 409
 * {@code ABORTED} (412 on Cloud Storage), as Google does. Shapes from googleapis' protos and the
 * JSON APIs' discovery documents. Paths it does not know fall through to the stubs.
 */
final class GoogleProjectFake implements ResponseDefinitionTransformerV2 {
  static final String P = "/v1/projects/demo";
  static final String FUNCTIONS = "/v2/projects/demo/locations/europe-west1/functions";
  static final String JOBS = "/v1/projects/demo/locations/europe-west1/jobs";
  static final String TRIGGERS = "/v1/projects/demo/locations/europe-west1/triggers/";
  static final String SERVICES = "/v2/projects/demo/locations/europe-west1/services/";

  /** Every resource by its path, e.g. {@code /v1/projects/demo/topics/x}. */
  final Map<String, JsonObject> resources = new TreeMap<>();

  /** Every IAM policy by its resource's path. */
  final Map<String, JsonObject> policies = new TreeMap<>();

  private int etags;
  private int operations;

  /** The triggers read so far (their subscription is made at the first read only). */
  private final java.util.Set<String> triggersRead = new java.util.HashSet<>();

  /** Where function URLs point: null for Google's shape, else {@code <base>/<function id>}. */
  private String functionsAt;

  /** The services whose next revision answers 500. */
  private final java.util.Set<String> breakNext = new java.util.HashSet<>();

  /** The status each revision's smoke request gets (by revision name). */
  final Map<String, Integer> revisionStatus = new TreeMap<>();

  /**
   * Serves every function at {@code base/<function id>} (this server), answering as its revision.
   */
  synchronized void serveFunctionsAt(String base) {
    functionsAt = base;
  }

  /** The next revision of the function's service answers 500 to every request. */
  synchronized void breakNextRevision(String functionId) {
    breakNext.add(functionId);
  }

  /** The Cloud Run service of a function, as last written. */
  synchronized JsonObject service(String functionId) {
    return resources.get(SERVICES + functionId);
  }

  @Override
  public String getName() {
    return "google-project-fake";
  }

  /** A secret with an enabled version (its value is never served). */
  synchronized void secret(String id) {
    JsonObject s = new JsonObject();
    s.addProperty("name", "projects/123/secrets/" + id);
    s.add("replication", JsonParser.parseString("{\"automatic\":{}}"));
    resources.put(P + "/secrets/" + id, s);
  }

  /** An object in a bucket. */
  synchronized void object(String bucket, String name) {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("bucket", bucket);
    resources.put("/storage/v1/b/" + bucket + "/o/" + name, o);
  }

  /** The policy of a resource as last written (empty when never written). */
  synchronized JsonObject policy(String path) {
    return policies.getOrDefault(path, new JsonObject());
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    LoggedRequest r = event.getRequest();
    String url = r.getUrl();
    // Google answers a secret's name with the project's number; both name the same secret
    url = url.replace("/projects/123/", "/projects/demo/");
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String method = r.getMethod().getName();
    if ("PATCH".equals(r.getHeader("X-HTTP-Method-Override"))) {
      method = "PATCH";
    }
    JsonObject body =
        !r.getBodyAsString().trim().startsWith("{")
            ? new JsonObject()
            : JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
    try {
      JsonObject answer = handle(method, path, url, body);
      return answer == null ? event.getResponseDefinition() : json(200, answer);
    } catch (Refused e) {
      return json(e.code, error(e.code, e.status, e.getMessage()));
    }
  }

  private JsonObject handle(String method, String path, String url, JsonObject body) {
    if (path.startsWith("/run/")) {
      throw smoke(path, method);
    }
    if (path.startsWith(SERVICES) && !path.contains(":")) {
      return runService(method, path, url, body);
    }
    if (path.endsWith(":getIamPolicy")) {
      return readPolicy(path.substring(0, path.length() - ":getIamPolicy".length()));
    }
    if (path.endsWith(":setIamPolicy")) {
      return writePolicy(
          path.substring(0, path.length() - ":setIamPolicy".length()),
          body.getAsJsonObject("policy"),
          409);
    }
    if (path.matches("/storage/v1/b/[^/]+/iam")) {
      String bucket = path.substring(0, path.length() - "/iam".length());
      return method.equals("GET") ? readPolicy(bucket) : writePolicy(bucket, body, 412);
    }
    if (path.equals(P) && method.equals("GET")) {
      return JsonParser.parseString("{\"projectNumber\":\"123\",\"projectId\":\"demo\"}")
          .getAsJsonObject();
    }
    if (path.equals("/storage/v1/projects/demo/serviceAccount")) {
      return JsonParser.parseString(
              "{\"kind\":\"storage#serviceAccount\","
                  + "\"email_address\":\"service-123@gs-project-accounts.iam.gserviceaccount.com\"}")
          .getAsJsonObject();
    }
    if (path.equals(FUNCTIONS) && method.equals("POST")) {
      String id = url.replaceFirst(".*functionId=([a-z0-9-]+).*", "$1");
      JsonObject created = create(FUNCTIONS + "/" + id, function(id, body));
      revise(id, created);
      return operation(created);
    }
    if (path.startsWith(FUNCTIONS + "/") && method.equals("PATCH")) {
      JsonObject live = get(path);
      JsonObject updated = function(path.substring(path.lastIndexOf('/') + 1), body);
      updated.add("serviceConfig", merge(live.getAsJsonObject("serviceConfig"), updated));
      resources.put(path, updated);
      revise(path.substring(path.lastIndexOf('/') + 1), updated);
      return operation(updated);
    }
    if (path.startsWith(FUNCTIONS + "/") && method.equals("DELETE")) {
      delete(path);
      // Eventarc's trigger and its subscription, and the Cloud Run service, go with the function
      String id = path.substring(path.lastIndexOf('/') + 1);
      resources.remove(SERVICES + id);
      resources
          .keySet()
          .removeIf(k -> k.startsWith(P + "/subscriptions/eventarc-europe-west1-" + id + "-"));
      return operation(null);
    }
    if (path.startsWith(TRIGGERS) && method.equals("GET")) {
      return trigger(path);
    }
    if (path.equals(JOBS) && method.equals("POST")) {
      body.addProperty("state", "ENABLED");
      return create("/v1/" + body.get("name").getAsString(), body);
    }
    if (path.startsWith(JOBS + "/") && method.equals("PATCH")) {
      body.add("state", get(path).get("state"));
      resources.put(path, body);
      return body;
    }
    if (path.equals(P + "/serviceAccounts") && method.equals("POST")) {
      String email = body.get("accountId").getAsString() + "@demo.iam.gserviceaccount.com";
      JsonObject account = body.getAsJsonObject("serviceAccount").deepCopy();
      account.addProperty("name", "projects/demo/serviceAccounts/" + email);
      account.addProperty("email", email);
      account.addProperty("projectId", "demo");
      return create(P + "/serviceAccounts/" + email, account);
    }
    if (path.startsWith(P + "/topics/") && method.equals("PUT")) {
      JsonObject topic = body.deepCopy();
      topic.addProperty("name", path.substring("/v1/".length()));
      return create(path, topic);
    }
    if (path.startsWith(P + "/subscriptions/") && method.equals("PATCH")) {
      JsonObject sub = get(path);
      sub.add(
          "deadLetterPolicy",
          body.getAsJsonObject("subscription").getAsJsonObject("deadLetterPolicy"));
      return sub;
    }
    if (path.equals("/storage/v1/b") && method.equals("POST")) {
      return create("/storage/v1/b/" + body.get("name").getAsString(), body);
    }
    if (path.matches("/storage/v1/b/[^/]+") && method.equals("DELETE")) {
      if (resources.keySet().stream().anyMatch(k -> k.startsWith(path + "/o/"))) {
        throw new Refused(
            409, "FAILED_PRECONDITION", "The bucket you tried to delete is not empty.");
      }
      delete(path);
      return new JsonObject();
    }
    boolean known =
        java.util.stream.Stream.of(
                P + "/topics",
                P + "/subscriptions",
                P + "/serviceAccounts",
                P + "/secrets",
                "/storage/v1/b",
                FUNCTIONS,
                JOBS)
            .anyMatch(c -> path.equals(c) || path.startsWith(c + "/"));
    if (!known) {
      return null;
    }
    if (path.matches(P + "/secrets/[^/]+/versions/latest") && method.equals("GET")) {
      String secret = path.substring(0, path.indexOf("/versions/"));
      get(secret);
      JsonObject version = new JsonObject();
      version.addProperty("name", secret.substring("/v1/".length()) + "/versions/1");
      version.addProperty("state", "ENABLED");
      return version;
    }
    if (method.equals("DELETE")) {
      delete(path);
      return new JsonObject();
    }
    if (method.equals("GET")) {
      return list(path);
    }
    return null;
  }

  /** GET of a resource, or of a listing (topics, buckets, objects, functions, jobs, secrets). */
  private JsonObject list(String path) {
    String field =
        switch (path.substring(path.lastIndexOf('/') + 1)) {
          case "topics" -> "topics";
          case "functions" -> "functions";
          case "jobs" -> "jobs";
          case "secrets" -> "secrets";
          case "b", "o" -> "items";
          default -> null;
        };
    if (field == null) {
      return get(path);
    }
    JsonArray items = new JsonArray();
    resources.forEach(
        (k, v) -> {
          String rest = k.startsWith(path + "/") ? k.substring(path.length() + 1) : null;
          if (rest != null
              && (field.equals("items")
                  ? !rest.contains("/") || path.endsWith("/o")
                  : !rest.contains("/"))) {
            items.add(v);
          }
        });
    JsonObject answer = new JsonObject();
    answer.add(field, items);
    return answer;
  }

  private JsonObject function(String id, JsonObject body) {
    JsonObject f = body.deepCopy();
    String name = "projects/demo/locations/europe-west1/functions/" + id;
    f.addProperty("name", name);
    f.addProperty("state", "ACTIVE");
    JsonObject service =
        f.has("serviceConfig") ? f.getAsJsonObject("serviceConfig") : new JsonObject();
    service.addProperty("service", "projects/demo/locations/europe-west1/services/" + id);
    service.addProperty(
        "uri",
        functionsAt == null ? "https://" + id + "-abc123-ew.a.run.app" : functionsAt + "/" + id);
    f.add("serviceConfig", service);
    if (f.has("eventTrigger")) {
      JsonObject trigger = f.getAsJsonObject("eventTrigger");
      trigger.addProperty(
          "trigger", "projects/demo/locations/europe-west1/triggers/" + id + "-482913");
      trigger.addProperty("triggerRegion", "europe-west1");
    }
    return f;
  }

  private static JsonObject merge(JsonObject live, JsonObject updated) {
    JsonObject merged = live == null ? new JsonObject() : live.deepCopy();
    updated
        .getAsJsonObject("serviceConfig")
        .entrySet()
        .forEach(e -> merged.add(e.getKey(), e.getValue()));
    return merged;
  }

  /**
   * Eventarc's trigger of a function, with the push subscription it made (created when the trigger
   * is first read; a subscription deleted later stays missing).
   */
  private JsonObject trigger(String path) {
    String name = path.substring("/v1/".length());
    String sub =
        "projects/demo/subscriptions/eventarc-europe-west1-"
            + name.substring(name.lastIndexOf('/') + 1);
    JsonObject function =
        resources.values().stream()
            .filter(f -> f.has("eventTrigger"))
            .filter(
                f -> name.equals(f.getAsJsonObject("eventTrigger").get("trigger").getAsString()))
            .findFirst()
            .orElseThrow(
                () -> new Refused(404, "NOT_FOUND", "Resource '" + name + "' was not found"));
    String topic =
        function.getAsJsonObject("eventTrigger").has("pubsubTopic")
            ? function.getAsJsonObject("eventTrigger").get("pubsubTopic").getAsString()
            : "";
    if (triggersRead.add(name)) {
      resources.computeIfAbsent(
          "/v1/" + sub,
          k -> {
            JsonObject s = new JsonObject();
            s.addProperty("name", sub);
            s.addProperty("topic", topic);
            s.addProperty("ackDeadlineSeconds", 600);
            return s;
          });
    }
    JsonObject t = new JsonObject();
    t.addProperty("name", name);
    t.add(
        "transport",
        JsonParser.parseString(
            "{\"pubsub\":{\"topic\":\"" + topic + "\",\"subscription\":\"" + sub + "\"}}"));
    return t;
  }

  /**
   * A new revision of the function's Cloud Run service, serving all traffic as a Cloud Functions
   * deploy leaves it ({@code TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST}); the function names it.
   */
  private void revise(String id, JsonObject function) {
    String path = SERVICES + id;
    JsonObject service = resources.get(path);
    if (service == null) {
      service = new JsonObject();
      service.addProperty("name", path.substring("/v2/".length()));
      service.add("annotations", new JsonObject());
    }
    int generation = service.has("generation") ? service.get("generation").getAsInt() + 1 : 1;
    String revision = String.format("%s-%05d-x%d", id, generation, generation);
    service.addProperty("generation", generation);
    service.addProperty("uri", function.getAsJsonObject("serviceConfig").get("uri").getAsString());
    service.addProperty(
        "latestReadyRevision", service.get("name").getAsString() + "/revisions/" + revision);
    service.addProperty("latestCreatedRevision", service.get("latestReadyRevision").getAsString());
    JsonObject config = function.getAsJsonObject("serviceConfig");
    boolean latest =
        !config.has("allTrafficOnLatestRevision")
            || config.get("allTrafficOnLatestRevision").getAsBoolean();
    if (latest || !service.has("traffic")) {
      // the deployed revision takes all traffic; else a split (a rollback's pin) stays
      service.add(
          "traffic",
          JsonParser.parseString(
              "[{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST\",\"percent\":100}]"));
      config.addProperty("allTrafficOnLatestRevision", true);
    }
    resources.put(path, service);
    revisionStatus.put(revision, breakNext.remove(id) ? 500 : 200);
    function.getAsJsonObject("serviceConfig").addProperty("revision", revision);
  }

  /**
   * Cloud Run v2 services.get and services.patch (updateMask {@code traffic}, {@code annotations}).
   */
  private JsonObject runService(String method, String path, String url, JsonObject body) {
    JsonObject service = get(path);
    if (method.equals("GET")) {
      return service;
    }
    if (!method.equals("PATCH")) {
      return null;
    }
    String mask =
        java.net.URLDecoder.decode(
            url.replaceFirst(".*[?&]updateMask=([^&]*).*", "$1"),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String field : mask.split(",")) {
      if (!body.has(field)) {
        throw new Refused(
            400, "INVALID_ARGUMENT", "updateMask names " + field + " but the body has none");
      }
      service.add(field, body.get(field).deepCopy());
    }
    if (service.has("traffic")) {
      // the clients send enums as numbers ($alt=json;enum-encoding=int); kept as Google shows them
      for (var t : service.getAsJsonArray("traffic")) {
        JsonObject target = t.getAsJsonObject();
        String type = target.get("type").getAsString();
        target.addProperty(
            "type",
            switch (type) {
              case "1" -> "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";
              case "2" -> "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION";
              default -> type;
            });
      }
    }
    // Cloud Functions reports whether its latest revision serves all traffic
    JsonObject function = resources.get(FUNCTIONS + "/" + path.substring(SERVICES.length()));
    if (function != null && mask.contains("traffic")) {
      function
          .getAsJsonObject("serviceConfig")
          .addProperty(
              "allTrafficOnLatestRevision",
              service.getAsJsonArray("traffic").toString().contains("ALLOCATION_TYPE_LATEST"));
    }
    JsonObject op = new JsonObject();
    op.addProperty("name", "projects/demo/locations/europe-west1/operations/run-" + ++operations);
    op.addProperty("done", true);
    JsonObject meta = service.deepCopy();
    meta.addProperty("@type", "type.googleapis.com/google.cloud.run.v2.Service");
    op.add("metadata", meta);
    op.add("response", meta.deepCopy());
    return op;
  }

  /** A request to a function's URL: answered with the status of the revision that serves. */
  private Refused smoke(String path, String method) {
    String id = path.split("/")[2];
    JsonObject service = resources.get(SERVICES + id);
    if (service == null) {
      return new Refused(404, "NOT_FOUND", "no service " + id);
    }
    String serving = service.get("latestReadyRevision").getAsString();
    serving = serving.substring(serving.lastIndexOf('/') + 1);
    for (var t : service.getAsJsonArray("traffic")) {
      JsonObject target = t.getAsJsonObject();
      if ("TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION".equals(target.get("type").getAsString())
          && target.get("percent").getAsInt() == 100) {
        serving = target.get("revision").getAsString();
      }
    }
    int status = revisionStatus.getOrDefault(serving, 200);
    return new Refused(status, status == 200 ? "OK" : "INTERNAL", method + " served by " + serving);
  }

  private JsonObject operation(JsonObject function) {
    JsonObject op = new JsonObject();
    op.addProperty("name", "projects/demo/locations/europe-west1/operations/op-" + ++operations);
    op.addProperty("done", true);
    JsonObject meta = new JsonObject();
    meta.addProperty("@type", "type.googleapis.com/google.cloud.functions.v2.OperationMetadata");
    op.add("metadata", meta);
    JsonObject response;
    if (function == null) {
      response = new JsonObject();
      response.addProperty("@type", "type.googleapis.com/google.protobuf.Empty");
    } else {
      response = function.deepCopy();
      response.addProperty("@type", "type.googleapis.com/google.cloud.functions.v2.Function");
    }
    op.add("response", response);
    return op;
  }

  private JsonObject create(String path, JsonObject resource) {
    if (resources.containsKey(path)) {
      throw new Refused(409, "ALREADY_EXISTS", "Resource already exists: " + path);
    }
    resources.put(path, resource);
    return resource;
  }

  private JsonObject get(String path) {
    JsonObject found = resources.get(path);
    if (found == null) {
      throw new Refused(404, "NOT_FOUND", "Resource '" + path + "' was not found");
    }
    return found;
  }

  private void delete(String path) {
    if (resources.remove(path) == null) {
      throw new Refused(404, "NOT_FOUND", "Resource '" + path + "' was not found");
    }
    policies.remove(path);
  }

  private JsonObject readPolicy(String resource) {
    JsonObject policy = policies.get(resource);
    if (policy == null) {
      policy = new JsonObject();
      policy.addProperty("version", 1);
      policy.addProperty("etag", "BwE=");
    }
    return policy;
  }

  private final java.util.Set<String> conflictNext = new java.util.HashSet<>();

  /** The next write of the resource's policy meets a change made since it was read. */
  synchronized void conflictNext(String resource) {
    conflictNext.add(resource);
  }

  private JsonObject writePolicy(String resource, JsonObject policy, int conflict) {
    if (conflictNext.remove(resource)) {
      concurrentChange(resource);
    }
    String current = readPolicy(resource).get("etag").getAsString();
    if (policy.has("etag") && !policy.get("etag").getAsString().equals(current)) {
      throw new Refused(
          conflict,
          "ABORTED",
          "There were concurrent policy changes. Please retry the whole read-modify-write with"
              + " exponential backoff.");
    }
    JsonObject stored = policy.deepCopy();
    stored.addProperty("etag", Base64.getEncoder().encodeToString(("etag-" + ++etags).getBytes()));
    policies.put(resource, stored);
    return stored;
  }

  /** Changes a stored policy behind the deployer's back (a concurrent writer). */
  synchronized void concurrentChange(String resource) {
    JsonObject policy = readPolicy(resource).deepCopy();
    policy.addProperty("etag", Base64.getEncoder().encodeToString(("etag-" + ++etags).getBytes()));
    policies.put(resource, policy);
  }

  private static JsonObject error(int code, String status, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    error.addProperty("status", status);
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body;
  }

  private static ResponseDefinition json(int status, JsonObject body) {
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString())
        .build();
  }

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final String status;

    Refused(int code, String status, String message) {
      super(message);
      this.code = code;
      this.status = status;
    }
  }
}
