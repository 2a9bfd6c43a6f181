package io.skyhop.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path template such as {@code /orders/{id}}: literal segments and whole-segment parameters, as
 * validated by the annotation processor.
 */
public final class PathTemplate {
  private final String template;
  private final String[] segments;
  private final boolean[] isParam;

  /** Parses a template already checked at compile time. */
  public PathTemplate(String template) {
    this.template = template;
    this.segments = split(template);
    this.isParam = new boolean[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.startsWith("{") && s.endsWith("}")) {
        isParam[i] = true;
        segments[i] = s.substring(1, s.length() - 1);
      }
    }
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /** The parameter names, in order. */
  public List<String> parameters() {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      if (isParam[i]) {
        names.add(segments[i]);
      }
    }
    return names;
  }

  /** The number of literal segments: more literal segments make a more specific template. */
  int literalCount() {
    int n = 0;
    for (boolean p : isParam) {
      n += p ? 0 : 1;
    }
    return n;
  }

  /**
   * Orders two templates that match the same path: more literal segments first, then the one whose
   * first literal comes earlier ({@code /a/b/{y}} before {@code /a/{x}/c}). The order {@link
   * FunctionRuntime#route} tries templates in; a router of its own should use it too.
   */
  public static int bySpecificity(PathTemplate a, PathTemplate b) {
    int byCount = Integer.compare(b.literalCount(), a.literalCount());
    if (byCount != 0) {
      return byCount;
    }
    for (int i = 0; i < Math.min(a.isParam.length, b.isParam.length); i++) {
      if (a.isParam[i] != b.isParam[i]) {
        return a.isParam[i] ? 1 : -1;
      }
    }
    return 0;
  }

  /**
   * Matches a request path (raw, percent-encoded; no query string). Parameters are URL-decoded.
   *
   * @return the parameters by name, or empty when the path does not match
   */
  public Optional<Map<String, String>> match(String path) {
    String[] parts = split(path);
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String part;
      try {
        part = decode(parts[i]);
      } catch (IllegalArgumentException malformedEscape) {
        return Optional.empty(); // "%zz" names no resource: not found rather than a crash
      }
      if (isParam[i]) {
        if (part.isEmpty()) {
          return Optional.empty();
        }
        params.put(segments[i], part);
      } else if (!segments[i].equals(part)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static String decode(String segment) {
    return segment.indexOf('%') < 0
        ? segment
        : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return template;
  }
}
