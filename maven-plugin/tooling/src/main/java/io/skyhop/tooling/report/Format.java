package io.skyhop.tooling.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the renderers write numbers. */
final class Format {
  private Format() {}

  /** Milliseconds: whole above 100, else one decimal. */
  static String ms(double ms) {
    return ms >= 100
        ? String.format(Locale.ROOT, "%.0f", ms)
        : String.format(Locale.ROOT, "%.1f", ms);
  }

  /** Dollars: cents above $10, four decimals below $1, else cents. */
  static String usd(BigDecimal usd) {
    int scale = usd.compareTo(BigDecimal.ONE) < 0 && usd.signum() != 0 ? 4 : 2;
    return "$" + usd.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** A chart's dollar tick: $0.01, $0.1, $1, $10, $100, $1k, $10k… */
  static String usdTick(double usd) {
    if (usd >= 1000) {
      return "$" + volume(Math.round(usd));
    }
    return "$" + BigDecimal.valueOf(usd).stripTrailingZeros().toPlainString();
  }

  /** A volume as 1.2M, 50k, 3B. */
  static String volume(long n) {
    if (n >= 1_000_000_000L) {
      return trim(n / 1e9) + "B";
    }
    if (n >= 1_000_000) {
      return trim(n / 1e6) + "M";
    }
    if (n >= 1_000) {
      return trim(n / 1e3) + "k";
    }
    return Long.toString(n);
  }

  private static String trim(double d) {
    String s = String.format(Locale.ROOT, "%.1f", d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** A number with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A JSON number of ms, rounded to 0.1. */
  static double round1(double ms) {
    return Math.round(ms * 10) / 10.0;
  }

  /** Dollars rounded to six decimals for JSON. */
  static BigDecimal usd6(BigDecimal usd) {
    BigDecimal rounded = usd.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
