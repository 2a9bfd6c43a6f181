package io.skyhop.tooling;

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
}
