package io.skyhop.runtime.meter;

import java.util.Locale;

/** Builds the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {
  private final StringBuilder out = new StringBuilder();

  void counter(String name, String help) {
    header(name, help, "counter");
  }

  void gauge(String name, String help) {
    header(name, help, "gauge");
  }

  void histogram(String name, String help) {
    header(name, help, "histogram");
  }

  private void header(String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  void sample(String name, String labels, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(number(value)).append('\n');
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.6f", value);
  }

  static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
