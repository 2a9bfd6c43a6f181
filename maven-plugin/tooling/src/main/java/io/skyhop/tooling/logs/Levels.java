package io.skyhop.tooling.logs;

import java.util.Locale;

/** Each provider's severity names, mapped to the neutral levels. */
public final class Levels {
  private Levels() {}

  /**
   * A provider's level name ({@code WARNING}, {@code SEVERE}, {@code FATAL}, {@code Information},
   * Cloud Logging's {@code DEFAULT}…) as {@code DEBUG}, {@code INFO}, {@code WARN} or {@code
   * ERROR}.
   */
  public static String of(String name) {
    if (name == null || name.isBlank()) {
      return "INFO";
    }
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "TRACE", "DEBUG", "VERBOSE", "FINE", "FINER", "FINEST" -> "DEBUG";
      case "WARN", "WARNING" -> "WARN";
      case "ERROR", "SEVERE", "FATAL", "CRITICAL", "ALERT", "EMERGENCY" -> "ERROR";
      default -> "INFO";
    };
  }

  /** Application Insights' {@code severityLevel}: 0 verbose … 4 critical. */
  public static String ofSeverityLevel(int level) {
    return switch (level) {
      case 0 -> "DEBUG";
      case 1 -> "INFO";
      case 2 -> "WARN";
      default -> level < 0 ? "INFO" : "ERROR";
    };
  }
}
