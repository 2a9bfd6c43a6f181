package io.skyhop.tooling.pack;

import java.util.Objects;

/**
 * A provider's limit on the size of a package, checked by {@link SizeBudget}.
 *
 * @param name what the limit is, as the provider's documentation names it, e.g. {@code zipped
 *     direct upload}
 * @param measure what is measured: the zip file itself, or the sum of its entries once extracted
 * @param bytes the limit
 * @param source where the figure is documented (a URL), for the message and the docs
 */
public record SizeLimit(String name, Measure measure, long bytes, String source) {
  /** What a limit measures. */
  public enum Measure {
    /** The package file's size. */
    ZIPPED,
    /** The sum of the sizes of the package's entries once extracted. */
    UNZIPPED
  }

  /** Checks the parts. */
  public SizeLimit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(source, "source");
    if (bytes <= 0) {
      throw new IllegalArgumentException("bytes must be positive: " + bytes);
    }
  }
}
