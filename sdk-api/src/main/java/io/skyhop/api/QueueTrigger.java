package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers a {@link Function} with messages from a queue (SQS, Azure Storage Queue, Pub/Sub, or the
 * in-house runtime's durable queue). The payload parameter may be a {@link QueueMessage}, a {@code
 * List<QueueMessage>} (the whole batch), a {@code String}, a {@code byte[]} or a POJO read from the
 * JSON body. A function that throws fails the message, which the target retries.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface QueueTrigger {
  /** The queue name. */
  String queue();
}
