package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.runtime.JavaRuntime;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java versions Azure Functions offers on Linux in the region, as ARM's {@code
 * functionAppStacks} answers ({@code properties.majorVersions[].minorVersions[].stackSettings
 * .linuxRuntimeSettings}, {@code runtimeVersion} {@code Java|<n>}): deploy trusts this answer over
 * the runtime table. A release Azure does not list (or hides) fails with the list; an {@code
 * endOfLifeDate} near or past warns ({@link JavaRuntimes#checkOffered}).
 */
final class JavaStacks {
  private static final Pattern JAVA = Pattern.compile("(?i)java\\|(\\d+)");
  private static final String PROVIDER = "Azure Functions (Flex Consumption)";

  private JavaStacks() {}

  /** The ARM id of the region's function app stacks. */
  static String id(String region) {
    return "/providers/Microsoft.Web/locations/" + region + "/functionAppStacks";
  }

  /** The visible Linux Java versions of a {@code functionAppStacks} answer, by release. */
  static List<JavaRuntime> java(List<JsonObject> stacks, String region) {
    String source = "functionAppStacks of " + region;
    Map<Integer, JavaRuntime> found = new TreeMap<>();
    for (JsonObject stack : stacks) {
      if (!"java".equalsIgnoreCase(string(stack, "name"))) {
        continue;
      }
      for (JsonObject major : objects(stack.getAsJsonObject("properties"), "majorVersions")) {
        for (JsonObject minor : objects(major, "minorVersions")) {
          JsonObject linux = object(object(minor, "stackSettings"), "linuxRuntimeSettings");
          Matcher m = JAVA.matcher(Optional.ofNullable(string(linux, "runtimeVersion")).orElse(""));
          if (!m.matches() || flag(linux, "isHidden")) {
            continue;
          }
          int release = Integer.parseInt(m.group(1));
          found.putIfAbsent(
              release,
              new JavaRuntime(
                  Target.named("azure"),
                  PROVIDER,
                  release,
                  Integer.toString(release),
                  date(string(linux, "endOfLifeDate")),
                  Optional.empty(),
                  source));
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static Optional<LocalDate> date(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toLocalDate());
    } catch (DateTimeParseException e) {
      return Optional.of(LocalDate.parse(value.substring(0, Math.min(10, value.length()))));
    }
  }

  private static List<JsonObject> objects(JsonObject parent, String field) {
    if (parent == null || !parent.has(field) || !parent.get(field).isJsonArray()) {
      return List.of();
    }
    return parent.getAsJsonArray(field).asList().stream()
        .filter(JsonElement::isJsonObject)
        .map(JsonElement::getAsJsonObject)
        .toList();
  }

  private static JsonObject object(JsonObject parent, String field) {
    return parent != null && parent.has(field) && parent.get(field).isJsonObject()
        ? parent.getAsJsonObject(field)
        : null;
  }

  private static String string(JsonObject o, String field) {
    return o != null && o.has(field) && o.get(field).isJsonPrimitive()
        ? o.get(field).getAsString()
        : null;
  }

  private static boolean flag(JsonObject o, String field) {
    return o != null
        && o.has(field)
        && o.get(field).isJsonPrimitive()
        && o.get(field).getAsBoolean();
  }
}
