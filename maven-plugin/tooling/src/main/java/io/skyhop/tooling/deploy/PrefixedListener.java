package io.skyhop.tooling.deploy;

import io.skyhop.tooling.BuildListener;

/**
 * A listener shared by several threads that prefixes every line with its target ({@code [aws] }),
 * padded so that the lines of all targets line up; one line is written at a time.
 */
final class PrefixedListener implements BuildListener {
  private final BuildListener out;
  private final String prefix;

  /**
   * @param out where the lines go; calls are serialized on it
   * @param id the target id
   * @param width the longest target id of the run
   */
  PrefixedListener(BuildListener out, String id, int width) {
    this.out = out;
    this.prefix = String.format("%-" + (width + 2) + "s ", "[" + id + "]");
  }

  @Override
  public void info(String message) {
    synchronized (out) {
      for (String line : message.split("\n", -1)) {
        out.info(prefix + line);
      }
    }
  }

  @Override
  public void warn(String message) {
    synchronized (out) {
      for (String line : message.split("\n", -1)) {
        out.warn(prefix + line);
      }
    }
  }
}
