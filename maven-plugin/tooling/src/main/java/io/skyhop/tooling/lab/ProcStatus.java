package io.skyhop.tooling.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a process's memory figures from {@code /proc/<pid>/status} (Linux). */
public final class ProcStatus {
  private ProcStatus() {}

  /** The peak resident set size ({@code VmHWM}) of {@code pid} in kB, empty when unknown. */
  public static OptionalLong peakKb(long pid) {
    String status;
    try {
      status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return field(status, "VmHWM:");
  }

  /** A {@code kB} field of a status text, empty when absent. */
  static OptionalLong field(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name)) {
        String digits = line.substring(name.length()).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits));
      }
    }
    return OptionalLong.empty();
  }
}
