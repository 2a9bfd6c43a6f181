package io.skyhop.core;

import io.skyhop.api.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A context on a fixed request id that keeps what the function logs. */
final class TestContexts {
  final List<String> logs = new ArrayList<>();

  Context forFunction(String name) {
    return forFunction(name, Map.of());
  }

  Context forFunction(String name, Map<String, String> env) {
    return InvocationContext.of(
        "req-1", name, "test", System.currentTimeMillis() + 30_000, logs::add, env);
  }

  String allLogs() {
    return String.join("\n", logs);
  }
}
