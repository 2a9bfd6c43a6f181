package io.skyhop.tooling;

import java.util.List;

/** The engine's progress and warnings; the Maven shell shows them in its log. */
public interface BuildListener {
  /** A progress line. */
  void info(String message);

  /** Something the user should look at. */
  void warn(String message);

  /** A listener that prints to standard output (tests, command lines). */
  static BuildListener stdout() {
    return new BuildListener() {
      @Override
      public void info(String message) {
        System.out.println("[skyhop] " + message);
      }

      @Override
      public void warn(String message) {
        System.out.println("[skyhop] WARNING " + message);
      }
    };
  }

  /**
   * A listener that adds each progress line to {@code lines} as it is, and each warning prefixed
   * with {@code "WARNING "} (tests, and callers that show the lines later).
   */
  static BuildListener collecting(List<String> lines) {
    return new BuildListener() {
      @Override
      public void info(String message) {
        lines.add(message);
      }

      @Override
      public void warn(String message) {
        lines.add("WARNING " + message);
      }
    };
  }
}
