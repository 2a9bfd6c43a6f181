package io.skyhop.runtime.meter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime's structured log: one JSON object per line ({@code time}, {@code level}, {@code
 * message} and context fields such as {@code app}, {@code function}, {@code requestId}), written to
 * the console and appended to {@code <data>/logs/runtime.log}.
 */
public final class RuntimeLog implements AutoCloseable {
  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final PrintStream console;
  private final OutputStream file;

  private RuntimeLog(PrintStream console, OutputStream file) {
    this.console = console;
    this.file = file;
  }

  /** A log writing to {@code console} and appending to {@code logFile}. */
  public static RuntimeLog open(PrintStream console, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    OutputStream file =
        Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new RuntimeLog(console, file);
  }

  /** An informational entry. */
  public void info(String message, Object... fields) {
    write("INFO", message, fields);
  }

  /** A warning. */
  public void warn(String message, Object... fields) {
    write("WARN", message, fields);
  }

  /** An error. */
  public void error(String message, Object... fields) {
    write("ERROR", message, fields);
  }

  /**
   * Writes one entry.
   *
   * @param fields alternating names and values; null values are left out
   */
  public void write(String level, String message, Object... fields) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("time", Instant.now().toString());
    entry.put("level", level);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i + 1] != null) {
        entry.put(String.valueOf(fields[i]), fields[i + 1]);
      }
    }
    entry.put("message", message);
    byte[] line = (gson.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      console.write(line, 0, line.length);
      console.flush();
      try {
        file.write(line);
        file.flush();
      } catch (IOException e) {
        console.println(
            "{\"level\":\"ERROR\",\"message\":\"cannot write the log file: " + e + "\"}");
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
