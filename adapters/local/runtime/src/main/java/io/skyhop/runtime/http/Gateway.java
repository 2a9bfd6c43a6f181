package io.skyhop.runtime.http;

import io.skyhop.api.Auth;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.core.Trigger;
import io.skyhop.runtime.deploy.AppVersion;
import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.exec.WorkerResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves HTTP functions at {@code /<app><path>}: routes to the live version of the app, enforces
 * function keys ({@code x-functions-key} header or {@code code} query parameter), bounds the body,
 * invokes, and writes the function's response or the platform's error (429, 502, 504).
 */
final class Gateway {
  /** The header carrying the invocation's request id on every answer. */
  static final String REQUEST_ID_HEADER = "x-skyhop-request-id";

  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "date");

  private final Deployments deployments;
  private final Invoker invoker;
  private final long maxBodyBytes;

  Gateway(Deployments deployments, Invoker invoker, long maxBodyBytes) {
    this.deployments = deployments;
    this.invoker = invoker;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Serves one call: routes, checks and reads it on the calling Jetty thread, then hands it to an
   * instance without waiting; the thread that reads the worker's answer writes the response and
   * {@code callback} completes once it is written.
   *
   * @return done once the answer is handed to Jetty; failed when the runtime failed on the way
   */
  CompletableFuture<?> handle(Request req, Response res, Callback callback) {
    String raw = req.getHttpURI().getPath();
    int slash = raw.indexOf('/', 1);
    String app = slash < 0 ? raw.substring(1) : raw.substring(1, slash);
    String path = slash < 0 ? "/" : raw.substring(slash);
    Optional<AppVersion> version = app.isEmpty() ? Optional.empty() : deployments.find(app);
    if (version.isEmpty()) {
      return refuse(
          req,
          res,
          callback,
          404,
          app.isEmpty()
              ? "Nothing here: functions answer at /<app>/<path>; the admin API is under /_skyhop/"
              : "No app '" + app + "' is deployed here");
    }
    HttpMethod method;
    try {
      method = HttpMethod.valueOf(req.getMethod().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return refuse(req, res, callback, 405, "Method " + req.getMethod() + " is not supported");
    }
    AppVersion.Route route = version.get().route(method, path);
    if (route instanceof AppVersion.Route.NotFound) {
      return refuse(
          req,
          res,
          callback,
          404,
          "No function of app '" + app + "' serves " + method + " " + path);
    }
    if (route instanceof AppVersion.Route.MethodNotAllowed notAllowed) {
      res.getHeaders()
          .put(
              "Allow",
              notAllowed.allowed().stream()
                  .map(Enum::name)
                  .distinct()
                  .collect(Collectors.joining(", ")));
      return refuse(req, res, callback, 405, method + " is not allowed on " + path);
    }
    AppVersion.DeployedFunction function = ((AppVersion.Route.Found) route).function();
    Map<String, List<String>> query = Exchanges.query(req.getHttpURI().getQuery());
    if (!authorized(version.get(), function, req.getHeaders(), query)) {
      return refuse(
          req,
          res,
          callback,
          401,
          "Function '"
              + function.name()
              + "' needs its key in the x-functions-key header or the code query parameter");
    }
    byte[] body;
    try {
      body = JettyCalls.body(req, maxBodyBytes);
    } catch (Exchanges.TooLarge e) {
      res.getHeaders().put(HttpHeader.CONNECTION, "close");
      JettyCalls.error(req, res, callback, true, 413, e.getMessage(), null);
      return CompletableFuture.completedFuture(null);
    } catch (Exchanges.Unreadable e) {
      JettyCalls.error(req, res, callback, true, 400, e.getMessage(), null);
      return CompletableFuture.completedFuture(null);
    }
    HttpRequest request = request(method, path, query, req.getHeaders(), body);
    return invoker
        .invokeAsync(function.pool(), new Payload.Http(request), Invoker.requestId())
        .thenAccept(outcome -> respond(req, res, callback, outcome));
  }

  /** Answers a call refused before its body was read. */
  private static CompletableFuture<?> refuse(
      Request req, Response res, Callback callback, int status, String message) {
    JettyCalls.error(req, res, callback, false, status, message, null);
    return CompletableFuture.completedFuture(null);
  }

  private static boolean authorized(
      AppVersion version,
      AppVersion.DeployedFunction function,
      HttpFields headers,
      Map<String, List<String>> query) {
    if (!(function.def().trigger() instanceof Trigger.Http http) || http.auth() != Auth.FUNCTION) {
      return true;
    }
    Optional<String> expected = version.key(function.name());
    String given = headers.get("x-functions-key");
    if (given == null && query.containsKey("code")) {
      given = query.get("code").get(0);
    }
    return expected.isPresent()
        && given != null
        && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest request(
      HttpMethod method,
      String path,
      Map<String, List<String>> query,
      HttpFields headers,
      byte[] body) {
    HttpRequest.Builder b = HttpRequest.builder(method, path);
    query.forEach((name, values) -> values.forEach(v -> b.query(name, v)));
    for (HttpField field : headers) {
      b.header(JettyCalls.headerName(field), field.getValue());
    }
    for (String header : headers.getValuesList(HttpHeader.COOKIE)) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          b.cookie(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return b.body(body).build();
  }

  private static void respond(Request req, Response res, Callback callback, Outcome outcome) {
    HttpFields.Mutable out = res.getHeaders();
    out.put(REQUEST_ID_HEADER, outcome.requestId());
    if (outcome.status() == Outcome.Status.OK
        && outcome.result() instanceof WorkerResult.Http http) {
      http.headers()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> out.add(name, v));
                }
              });
      http.cookies().forEach(c -> out.add("Set-Cookie", c));
      JettyCalls.send(req, res, callback, true, http.status(), null, http.body());
      return;
    }
    if (outcome.status() == Outcome.Status.THROTTLED) {
      out.put("Retry-After", "1");
    }
    JettyCalls.error(
        req, res, callback, true, outcome.httpStatus(), outcome.error(), outcome.requestId());
  }
}
