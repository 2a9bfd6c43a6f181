package io.skyhop.bench.lib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resident memory of a process, or of a process and all its descendants (the in-house runtime's
 * front door and its worker processes), from {@code /proc/<pid>/status}: {@code VmRSS} (resident
 * now) and {@code VmHWM} (the peak resident size, "high water mark"), in KiB.
 *
 * @param rssKb resident now, summed over the processes
 * @param hwmKb peak resident, summed over the processes (an upper bound of the tree's peak)
 * @param processes how many processes were counted
 */
public record Rss(long rssKb, long hwmKb, int processes) {
  /** One process; zeros when it has gone. */
  public static Rss of(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      return new Rss(field(lines, "VmRSS:"), field(lines, "VmHWM:"), 1);
    } catch (IOException gone) {
      return new Rss(0, 0, 0);
    }
  }

  /** The process and its descendants, summed. */
  public static Rss tree(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
        .map(p -> of(p.pid()))
        .reduce(new Rss(0, 0, 0), Rss::plus);
  }

  private Rss plus(Rss other) {
    return new Rss(rssKb + other.rssKb, hwmKb + other.hwmKb, processes + other.processes);
  }

  private static long field(List<String> lines, String name) {
    for (String line : lines) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }
}
