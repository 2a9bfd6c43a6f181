package io.skyhop.tooling.naming.azure;

import io.skyhop.tooling.naming.Naming;

/**
 * Azure names of one app and stage. Limits: function app (site) names 2 to 60 letters, digits and
 * hyphens; storage queue and blob container names 3 to 63 lower-case letters, digits and single
 * hyphens (the Functions host adds {@code -poison} to a queue's name for its poison queue); Event
 * Grid subscription names 3 to 64; user-assigned identity names 3 to 128.
 */
public final class AzureNames {
  /** Function app names. */
  public static final int MAX_FUNCTION_APP = 60;

  /** Storage queue names. */
  public static final int MAX_QUEUE = 63;

  /** Blob container names. */
  public static final int MAX_CONTAINER = 63;

  /** Event Grid event subscription names. */
  public static final int MAX_SUBSCRIPTION = 64;

  /** User-assigned managed identity names. */
  public static final int MAX_IDENTITY = 128;

  /** What the Functions host appends to a queue's name for its poison queue. */
  public static final String POISON_SUFFIX = "-poison";

  /** The tag key prefix: {@code skyhop-app}, {@code skyhop-stage}. */
  public static final String TAG_PREFIX = "skyhop-";

  private final Naming naming;

  private AzureNames(Naming naming) {
    this.naming = naming;
  }

  /** The names of {@code naming}'s app and stage. */
  public static AzureNames of(Naming naming) {
    return new AzureNames(naming);
  }

  /** The function app: {@code <prefix>}. */
  public String functionApp() {
    return Naming.fit(Naming.dnsSafe(naming.prefix()), MAX_FUNCTION_APP);
  }

  /** The storage queue of a logical queue: {@code <prefix>-<queue>}. */
  public String queue(String logical) {
    return Naming.fit(
        Naming.dnsSafe(naming.prefix() + "-" + logical), MAX_QUEUE - POISON_SUFFIX.length());
  }

  /** The poison queue the Functions host uses for a logical queue. */
  public String poisonQueue(String logical) {
    return queue(logical) + POISON_SUFFIX;
  }

  /** The blob container of a logical bucket: {@code <prefix>-<bucket>}. */
  public String container(String logical) {
    return Naming.fit(Naming.dnsSafe(naming.prefix() + "-" + logical), MAX_CONTAINER);
  }

  /** The Event Grid subscription feeding a blob-triggered function: {@code <prefix>-<function>}. */
  public String eventSubscription(String function) {
    return Naming.fit(Naming.dnsSafe(naming.prefix() + "-" + function), MAX_SUBSCRIPTION);
  }

  /** The app's user-assigned managed identity: {@code <prefix>-identity}. */
  public String identity() {
    return Naming.fit(naming.prefix() + "-identity", MAX_IDENTITY);
  }

  /** The tags of every resource Skyhop owns: {@code skyhop-app}, {@code skyhop-stage}. */
  public java.util.Map<String, String> tags() {
    return naming.tags(TAG_PREFIX);
  }
}
