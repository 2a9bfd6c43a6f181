package io.skyhop.tooling.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which price table a figure was computed from: its version and the date its prices were gathered.
 * Every result of the {@link CostModel} carries one, so a cost is never shown without its date.
 *
 * @param version the price table's version, e.g. {@code 2026.11.1}
 * @param date the date the table's prices were gathered
 */
public record PriceStamp(String version, LocalDate date) {

  /** Checks that both parts are present. */
  public PriceStamp {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(date, "date");
  }

  /** A label to print next to a cost, e.g. {@code prices 2026.11.1 of 2026-11-26}. */
  public String label() {
    return "prices " + version + " of " + date;
  }
}
