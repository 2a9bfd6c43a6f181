package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.EventTrigger;
import com.google.cloud.functions.v2.Function;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields in which a deployed function differs from the desired one, as the update mask paths of
 * {@code UpdateFunction} (proto field names). Output-only fields and what Cloud Functions adds on
 * its own (such as {@code LOG_EXECUTION_ID}) are ignored; a new zip shows as {@code
 * build_config.source} through the code label.
 */
public final class FunctionDiff {
  /** The mask path of the code. */
  public static final String SOURCE = "build_config.source";

  /** Environment variables Cloud Functions sets on its own. */
  static final List<String> PROVIDER_ENV = List.of("LOG_EXECUTION_ID");

  private FunctionDiff() {}

  /**
   * The update mask paths that would bring {@code actual} to {@code desired}; empty when nothing
   * changed.
   *
   * @param desired the desired function, its labels holding the code hash
   * @param actual the deployed function
   */
  public static List<String> between(Function desired, Function actual) {
    List<String> paths = new ArrayList<>();
    String code = FunctionSpec.LABEL_CODE;
    if (!Objects.equals(desired.getLabelsMap().get(code), actual.getLabelsMap().get(code))) {
      paths.add(SOURCE);
    }
    if (!desired.getBuildConfig().getRuntime().equals(actual.getBuildConfig().getRuntime())) {
      paths.add("build_config.runtime");
    }
    if (!desired.getBuildConfig().getEntryPoint().equals(actual.getBuildConfig().getEntryPoint())) {
      paths.add("build_config.entry_point");
    }
    var want = desired.getServiceConfig();
    var have = actual.getServiceConfig();
    if (bytes(want.getAvailableMemory()).compareTo(bytes(have.getAvailableMemory())) != 0) {
      paths.add("service_config.available_memory");
    }
    if (want.getTimeoutSeconds() != have.getTimeoutSeconds()) {
      paths.add("service_config.timeout_seconds");
    }
    if (want.getMaxInstanceCount() > 0
        && want.getMaxInstanceCount() != have.getMaxInstanceCount()) {
      paths.add("service_config.max_instance_count");
    }
    if (want.getMinInstanceCount() != have.getMinInstanceCount()) {
      paths.add("service_config.min_instance_count");
    }
    Map<String, String> env = new HashMap<>(have.getEnvironmentVariablesMap());
    PROVIDER_ENV.forEach(env::remove);
    if (!env.equals(want.getEnvironmentVariablesMap())) {
      paths.add("service_config.environment_variables");
    }
    if (!want.getServiceAccountEmail().isEmpty()
        && !want.getServiceAccountEmail().equals(have.getServiceAccountEmail())) {
      paths.add("service_config.service_account_email");
    }
    if (!secretRefs(want).equals(secretRefs(have))) {
      paths.add("service_config.secret_environment_variables");
    }
    if (!sameTrigger(desired, actual)) {
      paths.add("event_trigger");
    }
    if (!desired.getLabelsMap().equals(actual.getLabelsMap())) {
      paths.add("labels");
    }
    if (!desired.getDescription().equals(actual.getDescription())) {
      paths.add("description");
    }
    return paths;
  }

  /** Key, secret and version of each secret variable (Google may answer the project by number). */
  private static java.util.Set<String> secretRefs(com.google.cloud.functions.v2.ServiceConfig c) {
    java.util.Set<String> refs = new java.util.TreeSet<>();
    c.getSecretEnvironmentVariablesList()
        .forEach(v -> refs.add(v.getKey() + "=" + v.getSecret() + ":" + v.getVersion()));
    return refs;
  }

  private static boolean sameTrigger(Function desired, Function actual) {
    if (desired.hasEventTrigger() != actual.hasEventTrigger()) {
      return false;
    }
    if (!desired.hasEventTrigger()) {
      return true;
    }
    EventTrigger want = desired.getEventTrigger();
    EventTrigger have = actual.getEventTrigger();
    return (want.getServiceAccountEmail().isEmpty()
            || want.getServiceAccountEmail().equals(have.getServiceAccountEmail()))
        && want.getEventType().equals(have.getEventType())
        && want.getPubsubTopic().equals(have.getPubsubTopic())
        && normal(want.getRetryPolicy()) == normal(have.getRetryPolicy())
        && new HashSet<>(want.getEventFiltersList())
            .equals(new HashSet<>(have.getEventFiltersList()));
  }

  private static EventTrigger.RetryPolicy normal(EventTrigger.RetryPolicy policy) {
    return policy == EventTrigger.RetryPolicy.RETRY_POLICY_DO_NOT_RETRY
        ? EventTrigger.RetryPolicy.RETRY_POLICY_UNSPECIFIED
        : policy;
  }

  /**
   * A memory quantity in bytes: {@code 512M}, {@code 512Mi}, {@code 1G}, {@code 1Gi}, {@code 256k}
   * or plain bytes; an empty or unreadable value is -1 (differs from any real value).
   */
  static BigDecimal bytes(String quantity) {
    var m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]i?)?B?")
            .matcher(quantity.trim());
    if (!m.matches()) {
      return BigDecimal.ONE.negate();
    }
    BigDecimal value = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    long factor =
        switch (unit) {
          case "k", "K" -> 1_000L;
          case "M" -> 1_000_000L;
          case "G" -> 1_000_000_000L;
          case "T" -> 1_000_000_000_000L;
          case "Ki", "ki" -> 1L << 10;
          case "Mi" -> 1L << 20;
          case "Gi" -> 1L << 30;
          case "Ti" -> 1L << 40;
          default -> 1L;
        };
    return value.multiply(BigDecimal.valueOf(factor));
  }
}
