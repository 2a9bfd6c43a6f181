package io.skyhop.core.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} value: {@code 00-<trace id>-<parent id>-<flags>}.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param sampled whether the caller records the trace (flag {@code 01})
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
  /** The header and message attribute that carries the value on every target. */
  public static final String HEADER = "traceparent";

  /**
   * Reads a {@code traceparent} value; a value that does not follow the W3C format is ignored, as
   * the specification asks (the invocation then starts a new trace).
   *
   * @return the value, or {@code null} when {@code value} is null or malformed
   */
  public static TraceParent parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.length() < 55
        || v.charAt(2) != '-'
        || v.charAt(35) != '-'
        || v.charAt(52) != '-'
        || (v.length() > 55 && v.charAt(55) != '-')) {
      return null;
    }
    String version = v.substring(0, 2);
    String traceId = v.substring(3, 35);
    String spanId = v.substring(36, 52);
    String flags = v.substring(53, 55);
    if (!hex(version)
        || version.equals("ff")
        || (version.equals("00") && v.length() != 55)
        || !hex(traceId)
        || !hex(spanId)
        || !hex(flags)
        || zero(traceId)
        || zero(spanId)) {
      return null;
    }
    return new TraceParent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1);
  }

  /** A new sampled trace with a random id whose root span is {@code spanId}. */
  static TraceParent root(String spanId) {
    return new TraceParent(randomHex(2), spanId, true);
  }

  /** The same trace with {@code spanId} as the parent. */
  TraceParent withSpan(String spanId) {
    return new TraceParent(traceId, spanId, sampled);
  }

  /** The header value, version {@code 00}. */
  public String header() {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  /** A random id of {@code longs} × 16 hex digits, never all zero. */
  static String randomHex(int longs) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(longs * 16);
    for (int i = 0; i < longs; i++) {
      long bits = random.nextLong();
      if (bits == 0 && i == longs - 1) {
        bits = 1;
      }
      String digits = Long.toHexString(bits);
      id.append("0".repeat(16 - digits.length())).append(digits);
    }
    return id.toString();
  }

  private static boolean hex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean zero(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
