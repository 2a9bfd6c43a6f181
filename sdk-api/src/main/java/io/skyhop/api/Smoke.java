package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The smoke request a verified deploy sends to an HTTP {@link Function}, instead of the default (a
 * {@code GET} of its path, path parameters filled with {@code skyhop-smoke}, where any answer below
 * 500 counts). Every target's verifier sends this request after a deploy, with the target's
 * credentials; the function must answer it with a 2xx or 3xx status, else the deploy fails naming
 * the function (and rolls back).
 *
 * <pre>{@code
 * public class Orders {
 *   @Function
 *   @HttpTrigger(path = "/orders/{id}", methods = {HttpMethod.GET})
 *   @Smoke(path = "/orders/smoke-test")
 *   public Order get(HttpRequest request) { ... }
 *
 *   @Function(name = "create-order")
 *   @HttpTrigger(path = "/orders", methods = {HttpMethod.POST})
 *   @Smoke(method = HttpMethod.POST, body = "{\"item\": \"smoke\", \"dryRun\": true}")
 *   public HttpResponse create(NewOrder body) { ... }
 * }
 * }</pre>
 *
 * <p>Rules, checked at compile time: only on a method with {@link Function} and {@link
 * HttpTrigger}; {@code path} starts with {@code /} and matches the function's route (literal
 * segments equal, one non-empty segment per {@code {name}}), a query string may follow; {@code
 * method} is one the trigger accepts; a {@code GET} or {@code HEAD} request carries no body.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Smoke {
  /**
   * The path to call, e.g. {@code /orders/smoke-test?dryRun=true}: a concrete path of the
   * function's route. Empty (the default) means the route with each path parameter set to {@code
   * skyhop-smoke}.
   */
  String path() default "";

  /** The method to call; one the function's {@link HttpTrigger} accepts. */
  HttpMethod method() default HttpMethod.GET;

  /** The request body (sent as {@code application/json}), empty for none. */
  String body() default "";
}
