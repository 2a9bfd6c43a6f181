package io.skyhop.runtime.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's memory from {@code /proc/<pid>/status} (Linux): resident set size now ({@code
 * VmRSS}) and its peak ({@code VmHWM}, what Lambda reports as "Max Memory Used").
 */
final class ProcessMemory {
  private ProcessMemory() {}

  /** The current resident set size in kB, or -1 when unknown (process gone, no procfs). */
  static long residentKb(long pid) {
    return field(pid, "VmRSS:");
  }

  /** The peak resident set size in kB, or -1 when unknown. */
  static long peakKb(long pid) {
    return field(pid, "VmHWM:");
  }

  private static long field(long pid, String name) {
    String status;
    try {
      status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    int at = status.indexOf(name);
    if (at < 0) {
      return -1;
    }
    int i = at + name.length();
    while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) {
      i++;
    }
    long value = 0;
    boolean digits = false;
    while (i < status.length() && Character.isDigit(status.charAt(i))) {
      value = value * 10 + (status.charAt(i) - '0');
      digits = true;
      i++;
    }
    return digits ? value : -1;
  }
}
