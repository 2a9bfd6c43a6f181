package io.skyhop.bench.suite;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What run.sh hands the driver in {@code bench.properties}: run counts, wrk settings, and the paths
 * of everything it built. A missing path leaves its candidate out (run.sh writes {@code
 * skip.<name>} with the reason).
 */
record Settings(Properties values) {
  static Settings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return new Settings(p);
  }

  /** A required setting. */
  String get(String key) {
    String v = values.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("bench.properties has no " + key);
    }
    return v;
  }

  Optional<String> optional(String key) {
    return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
  }

  int integer(String key) {
    return Integer.parseInt(get(key));
  }

  Path path(String key) {
    return Path.of(get(key)).toAbsolutePath();
  }

  /** Whether the run includes {@code candidate}: every one, unless {@code candidates} lists some. */
  boolean selected(String candidate) {
    return optional("candidates")
        .map(list -> java.util.List.of(list.split(",")).contains(candidate))
        .orElse(true);
  }

  /** Why run.sh could not provide a candidate, if it said so. */
  Optional<String> skipped(String candidate) {
    return optional("skip." + candidate);
  }

  Path work() {
    return path("work");
  }

  int runs() {
    return integer("runs");
  }

  int wrkRounds() {
    return integer("wrk.rounds");
  }

  int wrkThreads() {
    return integer("wrk.threads");
  }

  int wrkConnections() {
    return integer("wrk.connections");
  }

  String wrkWarmup() {
    return get("wrk.warmup");
  }

  String wrkDuration() {
    return get("wrk.duration");
  }

  int lambdaWarmInvocations() {
    return integer("lambda.warm.invocations");
  }
}
