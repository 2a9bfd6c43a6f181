package io.skyhop.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** A message a {@link QueueTrigger} function receives. */
public final class QueueMessage {
  private final String id;
  private final byte[] body;
  private final Map<String, String> attributes;
  private final int deliveryCount;

  /**
   * A message.
   *
   * @param id the message id given by the queue
   * @param body the raw body
   * @param attributes message attributes (SQS message attributes, Pub/Sub attributes…)
   * @param deliveryCount how many times the message has been delivered, 1 on the first delivery
   */
  public QueueMessage(String id, byte[] body, Map<String, String> attributes, int deliveryCount) {
    this.id = Objects.requireNonNull(id, "id");
    this.body = Objects.requireNonNull(body, "body").clone();
    this.attributes = Map.copyOf(attributes);
    this.deliveryCount = deliveryCount;
  }

  /** A first-delivery message with a UTF-8 text body and no attributes. */
  public static QueueMessage of(String id, String body) {
    return new QueueMessage(id, body.getBytes(StandardCharsets.UTF_8), Map.of(), 1);
  }

  /** The message id. */
  public String id() {
    return id;
  }

  /** The body's bytes (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Message attributes. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** How many times the message has been delivered, 1 on the first delivery. */
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public String toString() {
    return "QueueMessage[" + id + ", delivery " + deliveryCount + "]";
  }
}
