package io.skyhop.core;

import io.skyhop.api.Auth;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.StorageEvent;
import java.util.List;

/** A function's trigger and its settings. */
public sealed interface Trigger {
  /**
   * The index's name of the trigger type: {@code http}, {@code schedule}, {@code queue}, {@code
   * storage}.
   */
  String type();

  /** An HTTP trigger. */
  record Http(PathTemplate path, List<HttpMethod> methods, Auth auth) implements Trigger {
    @Override
    public String type() {
      return "http";
    }
  }

  /** A schedule. */
  record Schedule(String cron, String timezone) implements Trigger {
    @Override
    public String type() {
      return "schedule";
    }
  }

  /** A queue. */
  record Queue(String queue) implements Trigger {
    @Override
    public String type() {
      return "queue";
    }
  }

  /** A storage bucket. */
  record Storage(String bucket, List<StorageEvent.Type> events) implements Trigger {
    @Override
    public String type() {
      return "storage";
    }
  }
}
