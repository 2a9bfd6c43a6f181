package io.skyhop.tooling.logs;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of {@code skyhop:logs}, checked before any call.
 *
 * @param functions the functions to read ({@code skyhop.function}, default every function of the
 *     app)
 * @param since how far back ({@code skyhop.since}: {@code 30s}, {@code 10m}, {@code 2h}, {@code
 *     1d}, or an ISO-8601 instant)
 * @param follow keep printing new records until stopped ({@code skyhop.follow})
 * @param filter text the message must contain ({@code skyhop.filter})
 * @param json one JSON object per line ({@code skyhop.format=json}) instead of text
 * @param poll how often a follow looks for new records ({@code skyhop.logs.pollMillis}, default 2
 *     s)
 */
public record LogSettings(
    List<String> functions,
    Since since,
    boolean follow,
    Optional<String> filter,
    boolean json,
    Duration poll) {
  public static final String FUNCTION = "skyhop.function";
  public static final String SINCE = "skyhop.since";
  public static final String FOLLOW = "skyhop.follow";
  public static final String FILTER = "skyhop.filter";
  public static final String FORMAT = "skyhop.format";
  public static final String POLL = "skyhop.logs.pollMillis";

  private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhd])");

  /** Copies the list. */
  public LogSettings {
    functions = List.copyOf(functions);
  }

  /** Where the window starts: an age before now, or an instant. */
  public record Since(Optional<Duration> ago, Optional<Instant> at) {
    /** The window's start when the command runs at {@code now}. */
    public Instant from(Instant now) {
      return at.orElseGet(() -> now.minus(ago.orElseThrow()));
    }

    @Override
    public String toString() {
      return at.map(Instant::toString)
          .orElseGet(() -> "the last " + ago.orElseThrow().toString().substring(2).toLowerCase());
    }
  }

  /**
   * Reads and checks the settings.
   *
   * @param appFunctions every function of the app, from its manifest
   * @throws ConfigurationException naming the property and the fix
   */
  public static LogSettings of(Settings settings, List<String> appFunctions) {
    List<String> functions = new ArrayList<>();
    for (String f : settings.get(FUNCTION).orElse("").split(",")) {
      String name = f.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!appFunctions.contains(name)) {
        throw new ConfigurationException(
            FUNCTION,
            name,
            "is not a function of this app. Fix: use one of "
                + String.join(", ", appFunctions)
                + ", a comma-separated list of them, or leave "
                + FUNCTION
                + " unset for all");
      }
      functions.add(name);
    }
    String format = settings.get(FORMAT).orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new ConfigurationException(
          FORMAT, format, "is not a log format. Fix: use text (the default) or json");
    }
    Duration poll = Duration.ofMillis(settings.get(POLL).map(LogSettings::millis).orElse(2000L));
    return new LogSettings(
        functions.isEmpty() ? appFunctions : functions,
        since(settings.get(SINCE).orElse("10m")),
        settings.flag(FOLLOW),
        settings.get(FILTER),
        format.equals("json"),
        poll);
  }

  static Since since(String value) {
    Matcher m = AGO.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration ago =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return new Since(Optional.of(ago), Optional.empty());
    }
    try {
      return new Since(Optional.empty(), Optional.of(Instant.parse(value)));
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(
          SINCE,
          value,
          "is neither an age nor an instant. Fix: use e.g. 30s, 10m, 2h or 1d, or an instant such"
              + " as 2026-12-07T14:00:00Z");
    }
  }

  private static long millis(String value) {
    try {
      long millis = Long.parseLong(value);
      if (millis >= 10) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new ConfigurationException(
        POLL, value, "is not a poll interval. Fix: give milliseconds, at least 10 (default 2000)");
  }
}
