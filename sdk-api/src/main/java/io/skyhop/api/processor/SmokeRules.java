package io.skyhop.api.processor;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.Smoke;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for {@link Smoke}: on HTTP functions only, a concrete path of the function's route, a
 * method the trigger accepts, no body on {@code GET}/{@code HEAD}.
 */
final class SmokeRules {
  /** A path parameter segment of a route, {@code {name}}. */
  private static final Pattern PARAM = Pattern.compile("\\{[^/{}]+}");

  /** What a concrete path segment may hold (no template braces, no fragment). */
  private static final Pattern CONCRETE = Pattern.compile("[^/{}#?]+");

  private SmokeRules() {}

  /**
   * Checks a function's smoke request.
   *
   * @return the index entry ({@code path}, {@code method}, {@code body}), or null when there is no
   *     {@link Smoke} or errors were added
   */
  static Map<String, Object> check(Smoke smoke, Annotation trigger, List<String> errors) {
    if (smoke == null) {
      return null;
    }
    if (!(trigger instanceof HttpTrigger http)) {
      errors.add(
          "@Smoke names an HTTP request, but the function has @"
              + trigger.annotationType().getSimpleName()
              + ". Fix: remove @Smoke (a verified deploy checks that trigger is registered)");
      return null;
    }
    int before = errors.size();
    String path = smoke.path().isEmpty() ? null : smoke.path();
    if (path != null && !matchesRoute(path, http.path())) {
      errors.add(
          "@Smoke(path = \""
              + path
              + "\") does not match the function's route '"
              + http.path()
              + "', so the smoke request would not reach it. Fix: write a path of that route"
              + " with a value in each {name} segment, e.g. \""
              + http.path().replaceAll(PARAM.pattern(), "smoke")
              + "\"");
    }
    HttpMethod method = smoke.method();
    List<HttpMethod> accepted = List.of(http.methods());
    if (!accepted.contains(method)) {
      errors.add(
          "@Smoke(method = "
              + method
              + ") is not among the methods the function accepts "
              + accepted
              + ". Fix: set @Smoke(method = HttpMethod."
              + accepted.get(0)
              + ") or accept "
              + method
              + " in @HttpTrigger(methods = ...)");
    }
    if (!smoke.body().isEmpty() && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
      errors.add(
          "@Smoke has a body but method = "
              + method
              + ", which carries none on every target. Fix: set @Smoke(method = HttpMethod.POST)"
              + " (or another method the function accepts), or remove the body");
    }
    if (errors.size() > before) {
      return null;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "path", path == null ? http.path().replaceAll(PARAM.pattern(), "skyhop-smoke") : path);
    model.put("method", method.name());
    model.put("body", smoke.body());
    return model;
  }

  /**
   * Whether {@code path} (a query string may follow) is a concrete path of {@code route}: as many
   * segments, literal ones equal, each {@code {name}} one non-empty segment.
   */
  private static boolean matchesRoute(String path, String route) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    if (!bare.startsWith("/") || !route.startsWith("/")) {
      return false;
    }
    String[] given = bare.substring(1).split("/", -1);
    String[] wanted = route.substring(1).split("/", -1);
    if (given.length != wanted.length) {
      return false;
    }
    for (int i = 0; i < given.length; i++) {
      boolean param = PARAM.matcher(wanted[i]).matches();
      if (param ? !CONCRETE.matcher(given[i]).matches() : !given[i].equals(wanted[i])) {
        return false;
      }
    }
    return true;
  }
}
