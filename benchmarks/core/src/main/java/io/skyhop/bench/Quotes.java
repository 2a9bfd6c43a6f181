package io.skyhop.bench;

import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;

/** The function the per-invocation benchmark calls: a POJO in, a POJO out. */
public class Quotes {
  /**
   * What a client asks for.
   *
   * @param item the item
   * @param quantity how many
   * @param unitPrice the price of one
   */
  public record QuoteRequest(String item, int quantity, double unitPrice) {}

  /**
   * The answer.
   *
   * @param item the item
   * @param quantity how many
   * @param total the price of all
   * @param currency the currency
   */
  public record Quote(String item, int quantity, double total, String currency) {}

  /** Prices a request. */
  @Function
  @HttpTrigger(
      path = "/quote",
      methods = {HttpMethod.POST})
  public Quote quote(QuoteRequest request) {
    return new Quote(
        request.item(), request.quantity(), request.quantity() * request.unitPrice(), "EUR");
  }
}
