package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers a {@link Function} when objects change in a storage bucket (S3, Azure Blob, Cloud
 * Storage, or the in-house runtime's buckets). The payload parameter, if any, is a {@link
 * StorageEvent}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface StorageTrigger {
  /** The bucket (container on Azure) name. */
  String bucket();

  /** The kinds of change that trigger the function; creation by default. */
  StorageEvent.Type[] events() default {StorageEvent.Type.CREATED};
}
