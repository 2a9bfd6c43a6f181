package io.skyhop.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** {@code java -jar skyhop-runtime.jar [--port 8080] [--data DIR] [--bind 127.0.0.1] …}. */
public final class RuntimeMain {
  private RuntimeMain() {}

  /** Starts the runtime and serves until the process is stopped. */
  public static void main(String[] args) {
    PrintStream console = System.out;
    RuntimeOptions options;
    try {
      options = RuntimeOptions.parse(args);
    } catch (RuntimeOptions.UsageException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    SkyhopRuntime runtime;
    try {
      runtime = SkyhopRuntime.start(options, console);
    } catch (IOException | UncheckedIOException e) {
      System.err.println(
          "Cannot start the Skyhop runtime on "
              + options.bind()
              + ":"
              + options.port()
              + " with data directory "
              + options.dataDir()
              + ": "
              + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runtime.close();
                  } catch (IOException e) {
                    System.err.println("Shutdown: " + e.getMessage());
                  }
                },
                "skyhop-shutdown"));
  }
}
