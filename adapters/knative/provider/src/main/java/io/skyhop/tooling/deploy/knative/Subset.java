package io.skyhop.tooling.deploy.knative;

import java.util.List;
import java.util.Map;

/**
 * Whether a resource read from the API server already holds what Skyhop wants: every field of the
 * desired document is present with an equal value. Fields the server or Knative's webhooks add
 * (defaults, status, metadata) do not count, so an unchanged app is not updated.
 */
final class Subset {
  private Subset() {}

  /** Whether {@code actual} holds every field of {@code desired}. */
  static boolean contains(Object actual, Object desired) {
    if (desired instanceof Map<?, ?> want) {
      if (!(actual instanceof Map<?, ?> have)) {
        return false;
      }
      for (Map.Entry<?, ?> e : want.entrySet()) {
        if (!have.containsKey(e.getKey()) || !contains(have.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof List<?> want) {
      if (!(actual instanceof List<?> have) || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!contains(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof Number want) {
      return actual instanceof Number have && have.doubleValue() == want.doubleValue();
    }
    return desired == null ? actual == null : desired.equals(actual);
  }
}
