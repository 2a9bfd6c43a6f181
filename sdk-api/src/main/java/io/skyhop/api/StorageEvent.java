package io.skyhop.api;

import java.util.Objects;
import java.util.Optional;

/** The event a {@link StorageTrigger} function receives. */
public final class StorageEvent {
  /** What happened to the object. */
  public enum Type {
    /** The object was created or overwritten. */
    CREATED,
    /** The object was deleted. */
    DELETED
  }

  private final String bucket;
  private final String key;
  private final long size;
  private final Type type;
  private final String eTag;

  /**
   * An event.
   *
   * @param bucket the bucket (container) name
   * @param key the object key, decoded (no URL encoding)
   * @param size the object size in bytes; 0 for deletions
   * @param type what happened
   * @param eTag the object's entity tag, or {@code null} when the target gives none
   */
  public StorageEvent(String bucket, String key, long size, Type type, String eTag) {
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = Objects.requireNonNull(key, "key");
    this.size = size;
    this.type = Objects.requireNonNull(type, "type");
    this.eTag = eTag;
  }

  /** The bucket (container) name. */
  public String bucket() {
    return bucket;
  }

  /** The object key. */
  public String key() {
    return key;
  }

  /** The object size in bytes. */
  public long size() {
    return size;
  }

  /** What happened. */
  public Type type() {
    return type;
  }

  /** The object's entity tag, when the target gives one. */
  public Optional<String> eTag() {
    return Optional.ofNullable(eTag);
  }

  @Override
  public String toString() {
    return "StorageEvent[" + type + " " + bucket + "/" + key + ", " + size + " bytes]";
  }
}
