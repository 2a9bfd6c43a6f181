package io.skyhop.gcp;

import com.google.cloud.functions.HttpFunction;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Trigger;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Cloud Functions entry point ({@code entryPoint}, signature type {@code http}) of Skyhop
 * functions with an HTTP trigger, and of schedules, which Cloud Scheduler calls over HTTP.
 *
 * <p>The function served is the one named by the environment variable {@code SKYHOP_FUNCTION}, read
 * once when the invoker creates this class; never by the request. An HTTP function answers requests
 * whose path matches its template (404 otherwise) with one of its methods (405 with {@code Allow}
 * otherwise); an exception in the function is a 500 whose body holds no stack trace. A schedule
 * runs on each {@code POST} (Cloud Scheduler's call) and answers 204, or 500 when it fails so that
 * the scheduler's retry policy applies.
 */
public final class SkyhopHttpFunction implements HttpFunction {
  private final Deployment deployment;

  /**
   * Reads {@code SKYHOP_FUNCTION} and loads the function from this package's index.
   *
   * @throws GcpSetupException when the variable is missing or names a function that is not HTTP or
   *     a schedule
   */
  public SkyhopHttpFunction() {
    this(System.getenv(), SkyhopHttpFunction.class.getClassLoader(), System.out);
  }

  /**
   * The entry point for the functions indexed in {@code loader}, serving the one {@code env} names
   * and logging to {@code log}: for in-process invocation (the test kit). The invoker uses the
   * no-argument constructor.
   */
  public SkyhopHttpFunction(Map<String, String> env, ClassLoader loader, PrintStream log) {
    this.deployment = Deployment.load(Deployment.Entry.HTTP, env, loader, log);
  }

  @Override
  public void service(
      com.google.cloud.functions.HttpRequest request, com.google.cloud.functions.HttpResponse out)
      throws IOException {
    Optional<String> executionId = Requests.executionId(request.getHeaders());
    String requestId = executionId.isPresent() ? executionId.get() : Requests.newRequestId();
    InvocationContext context = deployment.context(requestId);
    Responses.write(answer(request, context), out);
  }

  private HttpResponse answer(
      com.google.cloud.functions.HttpRequest request, InvocationContext context)
      throws IOException {
    Optional<HttpMethod> method = Requests.method(request);
    String path = Requests.rawPath(request);
    Trigger trigger = deployment.function().def().trigger();
    Map<String, String> params = Map.of();
    if (trigger instanceof Trigger.Schedule) {
      if (method.orElse(null) != HttpMethod.POST) {
        return notAllowed(request, "POST", context);
      }
    } else {
      Trigger.Http http = (Trigger.Http) trigger;
      Optional<Map<String, String>> matched = http.path().match(path);
      if (matched.isEmpty()) {
        return Responses.error(
            404,
            "No function answers " + path + "; this function serves " + http.path().template(),
            context.requestId());
      }
      if (method.isEmpty() || !http.methods().contains(method.get())) {
        return notAllowed(
            request,
            http.methods().stream().map(Enum::name).collect(Collectors.joining(", ")),
            context);
      }
      params = matched.get();
    }
    HttpRequest neutral;
    try {
      neutral = Requests.read(request, method.get(), path).toBuilder().pathParams(params).build();
    } catch (IllegalArgumentException badQuery) {
      return Responses.error(
          400, "Bad query string: " + badQuery.getMessage(), context.requestId());
    }
    return trigger instanceof Trigger.Schedule schedule
        ? schedule(neutral, schedule, context)
        : deployment.function().invokeHttp(neutral, context);
  }

  private static HttpResponse notAllowed(
      com.google.cloud.functions.HttpRequest request, String allow, InvocationContext context) {
    return Responses.error(
            405,
            "Method " + request.getMethod() + " not allowed; use " + allow,
            context.requestId())
        .toBuilder()
        .header("Allow", allow)
        .build();
  }

  private HttpResponse schedule(
      HttpRequest request, Trigger.Schedule schedule, InvocationContext context) {
    SchedulerCall call;
    try {
      call = SchedulerCall.of(request);
    } catch (IllegalArgumentException badHeader) {
      return Responses.error(400, badHeader.getMessage(), context.requestId());
    }
    context.logger().info(call.describe());
    try {
      deployment.function().invokeEvent(call.event(schedule, Instant.now()), context);
      return HttpResponse.noContent();
    } catch (FunctionFailedException e) {
      context.logger().error(e.getMessage(), e.getCause());
      return Responses.error(500, "Internal Server Error", context.requestId());
    }
  }
}
