package io.skyhop.tooling.pack;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The size budget: a target's package against its provider's limits ({@link
 * io.skyhop.tooling.TargetProvider#sizeLimits}), a warning from {@value #WARN_PERCENT}% of a limit,
 * a failure above it, both naming the largest jars.
 */
public final class SizeBudget {
  /** The share of a limit from which the check warns. */
  public static final int WARN_PERCENT = 80;

  /** How many of the largest jars a message names. */
  static final int LARGEST = 3;

  private SizeBudget() {}

  /**
   * Checks the target's zip (the first {@code .zip} among {@code files}) against {@code limits}.
   *
   * @param libraries the jars that went into the package, the candidates for the largest ones
   * @throws ConfigurationException when the package is above a limit
   */
  public static void check(
      Target target,
      List<Path> files,
      List<Library> libraries,
      List<SizeLimit> limits,
      BuildListener listener)
      throws IOException {
    if (limits.isEmpty()) {
      return;
    }
    Path zip =
        files.stream()
            .filter(f -> f.getFileName().toString().endsWith(".zip") && Files.isRegularFile(f))
            .findFirst()
            .orElse(null);
    if (zip == null) {
      return;
    }
    for (SizeLimit limit : limits) {
      long size = limit.measure() == SizeLimit.Measure.ZIPPED ? Files.size(zip) : unzipped(zip);
      String what =
          target.id()
              + " package "
              + zip.getFileName()
              + " is "
              + megabytes(size)
              + " ("
              + limit.measure().name().toLowerCase(Locale.ROOT)
              + "), ";
      if (size > limit.bytes()) {
        throw new ConfigurationException(
            "skyhop.targets",
            target.id(),
            "cannot take this package: "
                + what
                + "above the limit of "
                + megabytes(limit.bytes())
                + " ("
                + limit.name()
                + ", "
                + limit.source()
                + "). Largest jars: "
                + largest(libraries)
                + ". Fix: drop or shade down the largest dependencies (scope provided/test where"
                + " the target supplies them), or leave "
                + target.id()
                + " out of skyhop.targets");
      }
      if (size * 100 >= limit.bytes() * WARN_PERCENT) {
        listener.warn(
            "size budget: "
                + what
                + (size * 100 / limit.bytes())
                + "% of the limit of "
                + megabytes(limit.bytes())
                + " ("
                + limit.name()
                + "). Largest jars: "
                + largest(libraries));
      }
    }
  }

  /** The sum of the entries' sizes once extracted. */
  static long unzipped(Path zip) throws IOException {
    long total = 0;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        total += Math.max(0, e.getSize());
      }
    }
    return total;
  }

  /** The largest jars with their sizes, largest first. */
  static String largest(List<Library> libraries) {
    return libraries.stream()
        .filter(l -> Files.isRegularFile(l.file()))
        .sorted(Comparator.comparingLong(SizeBudget::size).reversed())
        .limit(LARGEST)
        .map(l -> l.fileName() + " (" + megabytes(size(l)) + ")")
        .collect(Collectors.joining(", "));
  }

  private static long size(Library library) {
    try {
      return Files.size(library.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 52.4 MB}: bytes in MiB with one decimal, as the providers' limits are written. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
