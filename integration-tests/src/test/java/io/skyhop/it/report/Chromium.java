package io.skyhop.it.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run}), started
 * with {@code --headless --no-sandbox --disable-gpu --disable-background-networking}: renders a
 * page and returns its DOM after rendering, or a screenshot.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /** The DOM of {@code page} after Chromium rendered it ({@code --dump-dom}). */
  static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Path out = work.resolve("dom.html");
    run(work, out, "--dump-dom", page.toUri().toString());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** A PNG screenshot of {@code page} at {@code width} x {@code height}. */
  static Path screenshot(Path page, Path work, int width, int height)
      throws IOException, InterruptedException {
    Path png = work.resolve("report.png");
    Files.deleteIfExists(png);
    run(
        work,
        work.resolve("screenshot.log"),
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--screenshot=" + png,
        page.toUri().toString());
    if (!Files.isRegularFile(png)) {
      throw new AssertionError(
          "Chromium wrote no screenshot; see " + work.resolve("screenshot.log"));
    }
    return png;
  }

  private static void run(Path work, Path output, String... args)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(
          BINARY
              + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
    }
    Files.createDirectories(work);
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--headless");
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    command.add("--disable-background-networking");
    command.add("--user-data-dir=" + work.resolve("profile"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectError(work.resolve("chromium.err").toFile())
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        throw new AssertionError("Chromium did not finish within 90 s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(
            "Chromium exited with "
                + p.exitValue()
                + ": "
                + Files.readString(work.resolve("chromium.err")));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
