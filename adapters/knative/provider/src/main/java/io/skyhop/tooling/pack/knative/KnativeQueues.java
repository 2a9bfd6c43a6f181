package io.skyhop.tooling.pack.knative;

import io.skyhop.tooling.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the {@code knative} target feeds queue functions: through Knative Eventing. Each queue
 * function gets a {@code Trigger} on the Broker {@value #BROKER} (default {@value #DEFAULT_BROKER})
 * that selects the CloudEvents of type {@code io.skyhop.queue.<queue>} and delivers them to {@code
 * /_skyhop/events/queues/<queue>} of the app's cluster-local {@code <app>-queues} Service, retrying
 * failures {@value #RETRIES} times with exponential backoff from {@value #BACKOFF_DELAY}, then
 * sending them to {@value #DEAD_LETTER_SINK} when set: at least once with a dead-letter queue, as
 * the in-house runtime's queues ({@code --max-attempts 5}, {@code --retry-base-ms 1000}).
 *
 * @param broker the Broker's name, in the namespace the app is deployed to
 * @param deadLetterSink where messages that failed every retry go; empty: Knative drops them
 */
public record KnativeQueues(String broker, Optional<String> deadLetterSink) {
  /** The Broker setting. */
  public static final String BROKER = "skyhop.knative.broker";

  /** The dead-letter sink setting. */
  public static final String DEAD_LETTER_SINK = "skyhop.knative.deadLetterSink";

  /** The Broker when none is set: the one {@code kn broker create default} makes. */
  public static final String DEFAULT_BROKER = "default";

  /** The CloudEvents type of a queue's messages is this, then the queue's name. */
  public static final String TYPE_PREFIX = "io.skyhop.queue.";

  /** The runtime's path of a queue's events is this, then the queue's name. */
  public static final String PATH_PREFIX = "/_skyhop/events/queues/";

  /** Retries after the first delivery: 5 attempts, as the in-house runtime's default. */
  static final int RETRIES = 4;

  /** The first retry's delay (ISO 8601), doubled on each retry: 1, 2, 4, 8 s. */
  static final String BACKOFF_DELAY = "PT1S";

  private static final Pattern NAME =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  /**
   * Reads and checks the settings.
   *
   * @param options the package options, by property name
   * @throws ConfigurationException naming the setting that is wrong and the fix
   */
  public static KnativeQueues of(Map<String, String> options) {
    String broker = value(options, BROKER).orElse(DEFAULT_BROKER);
    if (broker.length() > 253 || !NAME.matcher(broker).matches()) {
      throw new ConfigurationException(
          BROKER,
          broker,
          "is not a Kubernetes object name. Fix: give the name of a Knative Broker in the"
              + " namespace you deploy to (lower-case letters, digits, '-' and '.'), e.g. "
              + DEFAULT_BROKER);
    }
    Optional<String> sink = value(options, DEAD_LETTER_SINK);
    if (sink.isPresent()) {
      checkSink(sink.get());
    }
    return new KnativeQueues(broker, sink);
  }

  /** The CloudEvents type of a queue's messages: {@code io.skyhop.queue.<queue>}. */
  public static String eventType(String queue) {
    return TYPE_PREFIX + queue;
  }

  /** Where the runtime takes a queue's events: {@code /_skyhop/events/queues/<queue>}. */
  public static String path(String queue) {
    return PATH_PREFIX + queue;
  }

  /** A Trigger's {@code spec.delivery}. */
  Map<String, Object> delivery() {
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("retry", RETRIES);
    delivery.put("backoffPolicy", "exponential");
    delivery.put("backoffDelay", BACKOFF_DELAY);
    deadLetterSink.ifPresent(uri -> delivery.put("deadLetterSink", Map.of("uri", uri)));
    return delivery;
  }

  private static void checkSink(String sink) {
    try {
      URI uri = new URI(sink);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigurationException(
        DEAD_LETTER_SINK,
        sink,
        "is not an absolute http(s) URL. Fix: give the address of an event sink, e.g."
            + " http://dead-letters.default.svc.cluster.local (a Knative Service's cluster-local"
            + " address), or leave it unset");
  }

  private static Optional<String> value(Map<String, String> options, String name) {
    return Optional.ofNullable(options.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
