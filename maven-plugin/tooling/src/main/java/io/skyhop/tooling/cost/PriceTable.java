package io.skyhop.tooling.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated, versioned table of provider prices and billing rules: per plan the price of requests and
 * of memory- and vCPU-seconds, the rounding of time and memory, minimums, whether a cold start's
 * initialisation is billed, the monthly free tier; and the prices of provisioned servers.
 *
 * <p>Skyhop ships one ({@link #builtIn()}); users can price with their own file of the same JSON
 * format ({@link #load(Path)}). A file that cannot be used is reported as a {@link
 * PriceTableException} naming the file, the field and the fix. Instances are immutable.
 *
 * @param version the table's version
 * @param date the date the prices were gathered
 * @param currency the currency of every amount (USD)
 * @param sources where the prices come from
 * @param plans the prices of every cloud plan (every {@link Plan} but {@link Plan#LOCAL})
 * @param servers server prices by instance type, in file order
 * @param defaultServerName the server the in-house runtime is compared with unless told otherwise
 */
public record PriceTable(
    String version,
    LocalDate date,
    String currency,
    List<String> sources,
    Map<Plan, PlanPrices> plans,
    Map<String, ServerPrice> servers,
    String defaultServerName) {

  /** The classpath resource of the built-in table. */
  public static final String BUILT_IN_RESOURCE = "/io/skyhop/tooling/cost/prices-2026-11.json";

  /** Checks that every cloud plan and the default server are present; copies the collections. */
  public PriceTable {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(defaultServerName, "defaultServerName");
    sources = List.copyOf(sources);
    plans = Collections.unmodifiableMap(new EnumMap<>(plans));
    servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    for (Plan plan : Plan.values()) {
      if (plan.isCloud() && !plans.containsKey(plan)) {
        throw new IllegalArgumentException("No prices for plan " + plan.id());
      }
    }
    if (!servers.containsKey(defaultServerName)) {
      throw new IllegalArgumentException("No price for the default server " + defaultServerName);
    }
  }

  /** The table that ships with Skyhop. */
  public static PriceTable builtIn() {
    return BuiltIn.TABLE;
  }

  /**
   * Reads a table from a JSON file of the built-in table's format.
   *
   * @throws PriceTableException naming the file, the field and the fix when the file cannot be read
   *     or is not a valid table
   */
  public static PriceTable load(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException unreadable) {
      throw new PriceTableException(
          file.toString(),
          "$",
          "cannot be read (" + unreadable + ")",
          "check that the path names a readable UTF-8 JSON file",
          unreadable);
    }
    return parse(json, file.toString());
  }

  /**
   * Reads a table from JSON text.
   *
   * @param json the table
   * @param source what to call the text in errors, e.g. its file name
   * @throws PriceTableException when the text is not a valid table
   */
  public static PriceTable parse(String json, String source) {
    return PriceTableReader.read(json, source);
  }

  /** The table's version and date, as carried in every cost figure. */
  public PriceStamp stamp() {
    return new PriceStamp(version, date);
  }

  /**
   * The prices of a cloud plan.
   *
   * @throws IllegalArgumentException for {@link Plan#LOCAL}, which is priced as a server
   */
  public PlanPrices prices(Plan plan) {
    PlanPrices prices = plans.get(plan);
    if (prices == null) {
      throw new IllegalArgumentException(
          "Plan " + plan.id() + " is priced as a server, see server(String)");
    }
    return prices;
  }

  /** The price of a server by instance type, e.g. {@code t3.small}. */
  public Optional<ServerPrice> server(String name) {
    return Optional.ofNullable(servers.get(name));
  }

  /** The server the in-house runtime is compared with by default ({@code t4g.small}). */
  public ServerPrice defaultServer() {
    return servers.get(defaultServerName);
  }

  /** Loads the built-in table once, on first use. */
  private static final class BuiltIn {
    static final PriceTable TABLE = read();

    private static PriceTable read() {
      try (InputStream in = PriceTable.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + BUILT_IN_RESOURCE);
        }
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(json, "built-in " + BUILT_IN_RESOURCE);
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
  }
}
