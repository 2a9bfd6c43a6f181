package io.skyhop.runtime.deploy;

import io.skyhop.api.HttpMethod;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.Trigger;
import io.skyhop.runtime.exec.InstancePool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One deployed version of an app: its functions, each with its instance pool. Immutable once built;
 * a redeploy builds a new version and retires this one (requests already holding it finish here).
 */
public final class AppVersion {
  private final String app;
  private final String version;
  private final Path dir;
  private final Instant deployedAt;
  private final Map<String, DeployedFunction> functions;
  private final Map<String, String> keys;
  private final byte[] queuesToken;

  AppVersion(
      String app,
      String version,
      Path dir,
      Instant deployedAt,
      Map<String, DeployedFunction> functions,
      Map<String, String> keys,
      String queuesToken) {
    this.app = app;
    this.version = version;
    this.dir = dir;
    this.deployedAt = deployedAt;
    this.functions = functions;
    this.keys = Map.copyOf(keys);
    this.queuesToken = queuesToken.getBytes(StandardCharsets.UTF_8);
  }

  /** The app name. */
  public String app() {
    return app;
  }

  /** The version id. */
  public String version() {
    return version;
  }

  /** Where it is unpacked. */
  public Path dir() {
    return dir;
  }

  /** When it was deployed. */
  public Instant deployedAt() {
    return deployedAt;
  }

  /** Its functions, in index order. */
  public Collection<DeployedFunction> functions() {
    return functions.values();
  }

  /** A function by name. */
  public Optional<DeployedFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /** The key of an {@code Auth.FUNCTION} function, if it has one. */
  public Optional<String> key(String function) {
    return Optional.ofNullable(keys.get(function));
  }

  /** The queues this app's functions take messages from: its queues token reaches only these. */
  public Set<String> declaredQueues() {
    Set<String> queues = new TreeSet<>();
    for (DeployedFunction f : functions.values()) {
      if (f.def().trigger() instanceof Trigger.Queue q) {
        queues.add(q.queue());
      }
    }
    return queues;
  }

  /** Whether {@code token} is this app's queues token (compared in constant time). */
  boolean hasQueuesToken(String token) {
    return MessageDigest.isEqual(queuesToken, token.getBytes(StandardCharsets.UTF_8));
  }

  /** Routes a request path (relative to the app) to an HTTP function. */
  public Route route(HttpMethod method, String path) {
    List<DeployedFunction> matching = new ArrayList<>();
    for (DeployedFunction f : functions.values()) {
      if (f.def().trigger() instanceof Trigger.Http http && http.path().match(path).isPresent()) {
        matching.add(f);
      }
    }
    if (matching.isEmpty()) {
      return new Route.NotFound();
    }
    matching.sort(Comparator.comparingInt(AppVersion::literalSegments).reversed());
    List<HttpMethod> allowed = new ArrayList<>();
    for (DeployedFunction f : matching) {
      Trigger.Http http = (Trigger.Http) f.def().trigger();
      if (http.methods().contains(method)) {
        return new Route.Found(f);
      }
      allowed.addAll(http.methods());
    }
    return new Route.MethodNotAllowed(List.copyOf(allowed));
  }

  private static int literalSegments(DeployedFunction f) {
    int n = 0;
    for (String segment : ((Trigger.Http) f.def().trigger()).path().template().split("/")) {
      if (!segment.isEmpty() && !segment.startsWith("{")) {
        n++;
      }
    }
    return n;
  }

  /** Stops idle instances and marks every pool retired. */
  void retire() {
    functions.values().forEach(f -> f.pool().retire());
  }

  /** Whether no invocation runs and no instance lives in any pool. */
  boolean drained() {
    return functions.values().stream().allMatch(f -> f.pool().drained());
  }

  /** Instances of all functions. */
  public int instances() {
    return functions.values().stream().mapToInt(f -> f.pool().instances()).sum();
  }

  /** A description for the admin API; keys are included (the admin API is authenticated). */
  public Map<String, Object> describe(String baseUrl) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("app", app);
    d.put("version", version);
    d.put("deployedAt", deployedAt.toString());
    List<Map<String, Object>> list = new ArrayList<>();
    for (DeployedFunction f : functions.values()) {
      list.add(f.describe(baseUrl + "/" + app, keys.get(f.name())));
    }
    d.put("functions", list);
    d.put("instances", instances());
    return d;
  }

  /** Where an HTTP request goes. */
  public sealed interface Route {
    /** This function serves it. */
    record Found(DeployedFunction function) implements Route {}

    /** No function's path matches. */
    record NotFound() implements Route {}

    /** A path matches, not with this method. */
    record MethodNotAllowed(List<HttpMethod> allowed) implements Route {}
  }

  /**
   * A function of a deployed version.
   *
   * @param def its index entry
   * @param pool its instances
   */
  public record DeployedFunction(FunctionDef def, InstancePool pool) {
    /** The function name. */
    public String name() {
      return def.name();
    }

    Map<String, Object> describe(String appUrl, String key) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", def.name());
      d.put("trigger", trigger(def.trigger()));
      if (def.trigger() instanceof Trigger.Http http) {
        d.put("url", appUrl + http.path().template());
      }
      if (key != null) {
        d.put("key", key);
      }
      d.put("memoryMb", def.memoryMb());
      d.put("timeoutSeconds", def.timeoutSeconds());
      d.put("maxConcurrency", pool.maxConcurrency());
      d.put("instances", pool.instances());
      d.put("minInstances", pool.minInstances());
      d.put("warm", pool.warm());
      List<Map<String, Object>> running = new ArrayList<>();
      pool.running().forEach(i -> running.add(i.describe()));
      d.put("running", running);
      return d;
    }
  }

  /** A trigger's settings, as the admin API shows them. */
  static Map<String, Object> trigger(Trigger trigger) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", trigger.type());
    if (trigger instanceof Trigger.Http http) {
      t.put("path", http.path().template());
      t.put("methods", http.methods().stream().map(Enum::name).toList());
      t.put("auth", http.auth().name());
    } else if (trigger instanceof Trigger.Schedule s) {
      t.put("cron", s.cron());
      t.put("timezone", s.timezone());
    } else if (trigger instanceof Trigger.Queue q) {
      t.put("queue", q.queue());
    } else if (trigger instanceof Trigger.Storage s) {
      t.put("bucket", s.bucket());
      t.put("events", s.events().stream().map(Enum::name).toList());
    }
    return t;
  }
}
