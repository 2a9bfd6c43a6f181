package io.skyhop.runtime.meter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The runtime's structured log: one JSON object per line ({@code time}, {@code level}, {@code
 * message} and context fields such as {@code app}, {@code function}, {@code requestId}), written to
 * the console and appended to {@code <data>/logs/runtime.log}.
 */
public final class RuntimeLog implements AutoCloseable {
  private final PrintStream console;
  private final OutputStream file;
  private final Path path;

  private RuntimeLog(PrintStream console, OutputStream file, Path path) {
    this.console = console;
    this.file = file;
    this.path = path;
  }

  /** A log writing to {@code console} and appending to {@code logFile}. */
  public static RuntimeLog open(PrintStream console, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    OutputStream file =
        Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new RuntimeLog(console, file, logFile);
  }

  /** The file the log appends to (read by the admin API's {@code /apps/<app>/logs}). */
  public Path path() {
    return path;
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
    StringBuilder json = new StringBuilder(160 + message.length());
    json.append("{\"time\":\"")
        .append(Instant.now())
        .append("\",\"level\":\"")
        .append(level)
        .append('"');
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Object value = fields[i + 1];
      if (value != null) {
        json.append(',');
        quote(json, String.valueOf(fields[i]));
        json.append(':');
        if (value instanceof Number || value instanceof Boolean) {
          json.append(value);
        } else {
          quote(json, value.toString());
        }
      }
    }
    json.append(",\"message\":");
    quote(json, message);
    json.append("}\n");
    byte[] line = json.toString().getBytes(StandardCharsets.UTF_8);
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

  /** Appends a JSON string literal. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
