package com.example.quotes;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpStatusException;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import java.util.Map;

/**
 * The quote service formerly written as two Lambda handlers (see README.md): an API Gateway handler
 * and an SQS handler returning {@code SQSBatchResponse} by hand.
 */
public class Quotes {
  /** What a client asks for. */
  public record QuoteRequest(String symbol) {}

  /** The answer. */
  public record Quote(String symbol, double price) {}

  private final Map<String, Double> prices = Map.of("ACME", 42.0, "INITECH", 7.5);

  /** Was {@code QuoteHandler implements RequestHandler<APIGatewayV2HTTPEvent, …>}. */
  @Function(memoryMb = 512, timeoutSeconds = 10)
  @HttpTrigger(
      path = "/quotes",
      methods = {HttpMethod.POST})
  public Quote quote(QuoteRequest request, Context context) {
    Double price = prices.get(request.symbol());
    if (price == null) {
      throw new HttpStatusException(404, "Unknown symbol " + request.symbol());
    }
    context.logger().info("quoted " + request.symbol());
    return new Quote(request.symbol(), price);
  }

  /**
   * Was {@code TradeHandler implements RequestHandler<SQSEvent, SQSBatchResponse>} collecting
   * failed message ids by hand; Skyhop reports the failed messages itself.
   */
  @Function
  @QueueTrigger(queue = "trades")
  public void onTrade(QueueMessage message) {
    if (!prices.containsKey(message.bodyAsString().trim())) {
      throw new IllegalArgumentException("Unknown symbol in trade " + message.id());
    }
  }
}
