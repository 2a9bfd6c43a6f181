package io.skyhop.bench.suite;

import java.util.Locale;

/** How the report writes numbers: times, ratios, sizes (KB = 1000 bytes, MB = 10⁶ bytes). */
final class Format {
  private Format() {}

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Math.abs(v) >= 10_000) {
      return String.format(Locale.ROOT, "%.2f s", v / 1000);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f ms" : "%.1f ms", v);
  }

  static String ratio(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, v < 0.1 ? "%.3f×" : "%.2f×", v);
  }

  /** A ratio with three decimals, for verdicts close to their bound. */
  static String ratio3(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.3f×", v);
  }

  static String rps(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String bytes(long b) {
    if (b >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
  }

  static String mb(long kb) {
    return String.format(Locale.ROOT, "%.0f MB", kb * 1024 / 1e6);
  }
}
